#!/usr/bin/env bash
# The userpool command line: JSON lines in and out, state kept between runs,
# bad input answered in Cognito's style, a corrupted state file refused
# without being touched.
#   userpool_cli_test.sh <path to the userpool binary>
set -euo pipefail
cli=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
check() {  # check <description> <command...>: the command must succeed
  if ! "${@:2}"; then
    echo "FAILED: $1" >&2
    failures=$((failures + 1))
  fi
}
contains() { grep -q -- "$2" <<<"$1"; }

out=$(printf '%s\n' \
  '{"op":"CreateUserPool","params":{"PoolName":"cli"}}' \
  '' \
  'not json' \
  '{"params":{}}' \
  '{"op":"DescribeUserPool","params":{"UserPoolId":"us-east-1_nope"}}' | "$cli" --state "$work/state.json")
check "four answers for four requests (blank lines skipped)" test "$(wc -l <<<"$out")" -eq 4
check "the pool is created" contains "$(sed -n 1p <<<"$out")" '"status":200'
check "a line that is not JSON is a SerializationException" contains "$(sed -n 2p <<<"$out")" '"__type":"SerializationException"'
check "a line without op says what is needed" contains "$(sed -n 3p <<<"$out")" 'needs an \\"op\\"'
check "Cognito's error for an unknown pool" contains "$(sed -n 4p <<<"$out")" 'User pool us-east-1_nope does not exist.'
check "the state file is written" test -s "$work/state.json"

out=$(echo '{"op":"ListUserPools","params":{"MaxResults":10}}' | "$cli" --state "$work/state.json")
check "a second run starts from the saved state" contains "$out" '"Name":"cli"'

echo '{"op":"ListUserPools","params":{"MaxResults":10}}' > "$work/requests.jsonl"
out=$("$cli" --state "$work/state.json" "$work/requests.jsonl")
check "requests can come from a file" contains "$out" '"Name":"cli"'

printf '{"Format":"userpool-sandbox-state","Version":1' > "$work/broken.json"
cp "$work/broken.json" "$work/broken.orig"
set +e
err=$(echo '{"op":"ListUserPools","params":{"MaxResults":10}}' | "$cli" --state "$work/broken.json" 2>&1 >/dev/null)
status=$?
set -e
check "a corrupted state file stops the run" test "$status" -eq 1
check "and says why" contains "$err" 'not JSON'
check "and that the file is kept" contains "$err" 'The file is unchanged'
check "and is left as it was" cmp -s "$work/broken.json" "$work/broken.orig"

set +e
"$cli" --bogus >/dev/null 2>&1
status=$?
set -e
check "an unknown option prints the usage" test "$status" -eq 2

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all userpool command-line checks passed"
