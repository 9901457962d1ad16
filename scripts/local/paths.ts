import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SERVERLESS_BIN = path.join(REPO_ROOT, 'node_modules', 'serverless', 'bin', 'serverless.js');
export const MINIAPP_DIR = path.join(REPO_ROOT, 'miniapp');
export const TARO_BIN = path.join(REPO_ROOT, 'node_modules', '@tarojs', 'cli', 'bin', 'taro');
