# Sourced before every README block that the README test runs (test/readme/readmeBlocks.test.ts).
#
# Every command of a block must succeed, also inside `$(… | jq …)`.
set -euo pipefail

# What a reader types, `npm run cli -- …` or `npm run -s cli -- …`, becomes the same CLI run
# directly, which saves npm's start-up on every line. Any other npm command fails loudly: a block
# that runs `npm install` must be marked skip, not quietly turned into something else.
npm() {
  local args=("$@")
  if [[ "${args[0]-}" == run ]]; then
    args=("${args[@]:1}")
    if [[ "${args[0]-}" == -s || "${args[0]-}" == --silent ]]; then args=("${args[@]:1}"); fi
    if [[ "${args[0]-}" == cli ]]; then
      args=("${args[@]:1}")
      if [[ "${args[0]-}" == -- ]]; then args=("${args[@]:1}"); fi
      "$README_TEST_NODE" --import "$README_TEST_TSX" "$README_TEST_REPO/src/cli/index.ts" "${args[@]}"
      return
    fi
  fi
  echo "readme-test: only 'npm run cli' can run here, not: npm $*" >&2
  return 127
}
