#!/usr/bin/env bash
# The blog on a real AWS account, end to end: deploy a throw-away stack, call every route, ask the migration
# function for its status, destroy the stack. For users with an account and credentials (aws configure); never run
# in CI (there is no account there). Costs a few cents: Aurora Serverless v2 for the ~20 minutes it runs.
#
# Usage: examples/blog/infra/smoke.sh [postgresql|mysql] [--keep]
#   --keep   leave the stack up afterwards (destroy it with: npx cdk destroy -c engine=ENGINE -c deletionProtection=false)
# SMOKE_URL=http://127.0.0.1:3000 examples/blog/infra/smoke.sh   runs only the route checks, e.g. against ./slipway up
#   (writes with SMOKE_TOKEN as bearer token, else one from ./slipway token, which up accepts)
set -euo pipefail
engine=${1:-postgresql}
keep=${2:-}
case "$engine" in postgresql|mysql) ;; *) echo "smoke: engine must be postgresql or mysql, not '$engine'" >&2; exit 2 ;; esac
fail=0
check() { # METHOD PATH EXPECTED_STATUS [BODY]: with the bearer token $token when it is set
  local status
  status=$(curl -s -o /tmp/smoke-body -w '%{http_code}' -X "$1" "$url$2" -H 'content-type: application/json' \
    ${token:+-H "authorization: Bearer $token"} ${4:+-d "$4"})
  if [ "$status" = "$3" ]; then echo "ok   $1 $2 -> $status"; else echo "FAIL $1 $2 -> $status (expected $3): $(cat /tmp/smoke-body)"; fail=1; fi
}
routes() {
  local email author post
  email="smoke-$(date +%s)@example.com"
  local with=$token
  token= check POST /authors 401 "{\"email\":\"$email\",\"name\":\"Smoke\"}"
  token=$with
  check POST /authors 201 "{\"email\":\"$email\",\"name\":\"Smoke\"}"
  author=$(sed -n 's/.*"id":\([0-9]*\).*/\1/p' /tmp/smoke-body | head -1)
  check POST /authors 409 "{\"email\":\"$email\",\"name\":\"Smoke\"}"
  check GET /authors 200
  check GET "/authors/$author" 200
  check POST /posts 201 "{\"authorId\":$author,\"title\":\"Hello\",\"body\":\"First\",\"published\":false}"
  post=$(sed -n 's/.*"id":\([0-9]*\).*/\1/p' /tmp/smoke-body | head -1)
  check POST "/posts/$post/publish" 200
  check GET "/posts?author=$author" 200
  check GET "/posts/$post" 200
  check DELETE "/posts/$post" 204
  check GET /authors/999999999 404
}
if [ -n "${SMOKE_URL:-}" ]; then
  url=$SMOKE_URL
  token=${SMOKE_TOKEN:-$("$(dirname "$0")/../../../slipway" token --sub smoke)}
  routes
  exit "$fail"
fi

command -v aws >/dev/null || { echo "smoke: the AWS CLI is needed (https://docs.aws.amazon.com/cli/)" >&2; exit 2; }
command -v curl >/dev/null || { echo "smoke: curl is needed" >&2; exit 2; }
aws sts get-caller-identity >/dev/null || { echo "smoke: no AWS credentials: run 'aws configure' (or set AWS_PROFILE)" >&2; exit 2; }

cd "$(dirname "$0")"
stack="SlipwayBlog-$engine"
(cd ../../.. && ./mvnw -q install -DskipTests)   # the constructs and the Lambda zips the stack deploys
npm ci --no-audit --no-fund >/dev/null
npx cdk bootstrap >/dev/null

cleanup() {
  if [ "$keep" != "--keep" ]; then
    echo "smoke: destroying $stack"
    npx cdk destroy --force -c engine="$engine" -c deletionProtection=false >/dev/null || \
      echo "smoke: destroy failed; delete the stack $stack by hand" >&2
  fi
}
trap cleanup EXIT

echo "smoke: deploying $stack (about 15 minutes the first time)"
npx cdk deploy --require-approval never -c engine="$engine" -c deletionProtection=false >/dev/null

output() {
  aws cloudformation describe-stacks --stack-name "$stack" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}
url=$(output ApiUrl)
fn=$(output MigrationFunctionArn)
pool=$(output UserPoolId)
client=$(output UserPoolClientId)
password="Smoke-$(date +%s)-pass!"
aws cognito-idp admin-create-user --user-pool-id "$pool" --username smoke@example.com --message-action SUPPRESS >/dev/null
aws cognito-idp admin-set-user-password --user-pool-id "$pool" --username smoke@example.com --password "$password" \
  --permanent
token=$(aws cognito-idp admin-initiate-auth --user-pool-id "$pool" --client-id "$client" \
  --auth-flow ADMIN_USER_PASSWORD_AUTH --auth-parameters "USERNAME=smoke@example.com,PASSWORD=$password" \
  --query AuthenticationResult.AccessToken --output text)
routes

echo "smoke: migration function status"
aws lambda invoke --function-name "$fn" --payload '{"command":"status"}' --cli-binary-format raw-in-base64-out \
  /tmp/smoke-status >/dev/null
cat /tmp/smoke-status; echo
grep -q '"upToDate":true' /tmp/smoke-status || { echo "FAIL the migration function does not report upToDate"; fail=1; }

[ "$fail" = 0 ] && echo "smoke: all checks passed on $engine" || echo "smoke: some checks FAILED on $engine"
exit "$fail"
