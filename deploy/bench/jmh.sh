#!/usr/bin/env bash
# JMH: verify + decrypt + parse of one callback, and the refusal of a forged one.
# Usage: deploy/bench/jmh.sh [extra JMH options, e.g. -wi 5 -i 10]
set -euo pipefail
cp="$("$(dirname "$0")/classpath.sh")"
exec java -cp "$cp" org.openjdk.jmh.Main CallbackOpenBenchmark -rf text -rff /tmp/dudao-jmh.txt "$@"
