import Taro from '@tarojs/taro'

/** 一件事 lives in its own subpackage; main-package pages import only this file for it. */
export const SCENARIO_PAGE = '/pages/scenario/index'

export function scenarioUrl(code: string): string {
  return `${SCENARIO_PAGE}?code=${encodeURIComponent(code)}`
}

export function openScenario(code: string): void {
  void Taro.navigateTo({ url: scenarioUrl(code) })
}
