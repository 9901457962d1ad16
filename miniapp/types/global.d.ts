/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Node's own variable; decides dev or production output. */
    NODE_ENV: 'development' | 'production';
    /** The platform being built. */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    /** The mini-program appid, when set per environment. */
    TARO_APP_ID: string;
    /** Base URL of the API, fixed at build time (see config/index.ts). */
    TARO_APP_API_BASE: string;
    /** '1' in local builds: developer login, simulated subscribe dialog, local push log; '' otherwise. */
    TARO_APP_DEV_LOGIN: string;
    /** Base URL of the local WeChat API stand-in, or ''. */
    TARO_APP_WECHAT_STANDIN: string;
    /** The unified identity service's authorize endpoint (portal sign-in), or ''. */
    TARO_APP_PORTAL_AUTHORIZE: string;
    /** This system's client id at the unified identity service, or ''. */
    TARO_APP_PORTAL_CLIENT_ID: string;
    /** The mini-program's redirect URI registered with the unified identity service, or ''. */
    TARO_APP_PORTAL_WEAPP_REDIRECT: string;
  }
}
