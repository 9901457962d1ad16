// A Text may carry a role, as a View does (Taro's View types declare `role`, its Text types do not): a card's
// title is its link for screen readers and the keyboard (the H5 DOM attribute; `aria-role` on weapp).
import '@tarojs/components/types/Text'

declare module '@tarojs/components/types/Text' {
  interface TextProps {
    role?: string
  }
}
