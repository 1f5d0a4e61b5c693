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

# Each command installs only what it uses: the demo and the benchmarks their own packages (and the root's
# tools), the test command the whole workspace (every runtime's binaries included).
install() {
  echo "installing ${1:-the whole workspace} from the lockfile" >&2
  pnpm install --frozen-lockfile --reporter=append-only ${1:+--filter "$1..." --filter clerk-backend-monorepo} >&2
}

# Turbo prints each task's output as it runs (cached tasks only say so), so a long build is never silent.
case "${1:-}" in
  demo)
    install @clerk/demo
    pnpm turbo run build --filter=@clerk/demo... --output-logs=new-only >&2
    node apps/demo/src/main.mjs "${@:2}"
    ;;
  test)
    install
    node scripts/check-layers.mjs
    node scripts/check-packages.mjs
    node --test scripts/
    pnpm turbo run build lint typecheck test package-check --continue --output-logs=new-only
    node scripts/check-doc-comments.mjs
    pnpm biome ci README.md scripts package.json turbo.json biome.json
    pnpm changeset status
    ;;
  bench)
    install @clerk/bench
    pnpm turbo run build --filter=@clerk/bench... --output-logs=new-only >&2
    pnpm --filter @clerk/bench --silent bench -- "${@:2}"
    ;;
  *)
    echo "usage: bash scripts/bootstrap.sh demo|test|bench" >&2
    exit 2
    ;;
esac
