#!/usr/bin/env bash
# 一次性准备：安装 npm 依赖；本机没有可用浏览器时安装 Debian 的 chromium；测试需要的 poppler-utils 一并安装。
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund

missing=()
if ! npx --no-install tsx -e "import('./src/render/pdf/browser.ts').then((m) => m.findBrowser())" >/dev/null 2>&1; then
  missing+=(chromium)
fi
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)

if ((${#missing[@]} > 0)); then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "请先安装：${missing[*]}（或设置环境变量 PUPPETEER_EXECUTABLE_PATH 指向 Chrome/Chromium 浏览器）" >&2
    exit 1
  fi
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "安装系统软件包：${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "准备完成。"
