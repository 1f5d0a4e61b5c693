#!/usr/bin/env bash
# Entry point of the README's commands: brings the pinned toolchain onto a machine that has only Node and npm,
# installs the workspace from the lockfile, then runs the demo, the whole test suite, or the benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1

pnpm_version=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null || true)" != "$pnpm_version" ]; then
  if [ ! -x .tools/node_modules/.bin/pnpm ] || [ "$(.tools/node_modules/.bin/pnpm --version)" != "$pnpm_version" ]; then
    echo "installing pnpm $pnpm_version into .tools/" >&2
    npm install --silent --no-audit --no-fund --prefix .tools -E "pnpm@$pnpm_version" >&2
  fi
  export PATH="$PWD/.tools/node_modules/.bin:$PATH"
fi

pnpm install --frozen-lockfile --reporter=append-only >&2

case "${1:-}" in
  demo)
    pnpm turbo run build --filter=@clerk/demo... --output-logs=errors-only >&2
    node apps/demo/src/main.mjs "${@:2}"
    ;;
  test)
    node scripts/check-layers.mjs
    node --test scripts/
    pnpm turbo run build lint typecheck test package-check --continue
    pnpm biome ci README.md scripts package.json turbo.json biome.json
    pnpm changeset status
    ;;
  bench)
    pnpm turbo run build --filter=@clerk/bench... --output-logs=errors-only >&2
    pnpm --filter @clerk/bench --silent bench -- "${@:2}"
    ;;
  *)
    echo "usage: bash scripts/bootstrap.sh demo|test|bench" >&2
    exit 2
    ;;
esac
