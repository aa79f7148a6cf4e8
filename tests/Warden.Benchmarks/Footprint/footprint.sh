#!/usr/bin/env bash
# Footprint of the published Native AOT agent at a 1 s sense interval, shipping to a real warden-aggregator
# on 127.0.0.1 (published beside it) as in production, measured side by side in the same run with
# prometheus-node-exporter (Debian) scraped once a second, as a baseline.
#   footprint.sh PUBLISH_DIR OUT_DIR DURATION_SECONDS
# Prints, per process: RSS median (and its anonymous and file-backed parts) and max over the run (sampled every 5 s after a 30 s warm-up),
# CPU as % of one core over the run, and the ratio agent/node_exporter. OUT_DIR keeps the agent's
# smaps_rollup and its largest mappings at the end (memory.txt), its status and both logs.
set -euo pipefail
publish=$1 out=$2 duration=${3:-600}
mkdir -p "$out"
state=$(mktemp -d)
agent= exporter= scraper= aggregator=
# The agent spools its open window on SIGTERM: wait for it before removing its state folder.
trap 'kill $agent $exporter $scraper $aggregator 2>/dev/null || true; wait $agent $aggregator 2>/dev/null || true; rm -rf "$state"' EXIT

if ! command -v prometheus-node-exporter >/dev/null; then
  echo "footprint: installing prometheus-node-exporter from Debian"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus-node-exporter
fi

"$publish/warden-aggregator" --listen http://127.0.0.1:0 --metrics-listen http://127.0.0.1:0 --state "$state/aggregator" \
  --port-file "$state/aggregator.address" > "$out/aggregator.log" 2>&1 & aggregator=$!
for _ in $(seq 600); do [ -s "$state/aggregator.address" ] && break; sleep 0.1; done
[ -s "$state/aggregator.address" ] || { echo "footprint: the aggregator did not listen"; cat "$out/aggregator.log"; exit 1; }
address=$(cat "$state/aggregator.address")
echo "footprint: aggregator on $address"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$state/agent.json" <<JSON
{ "Host": "footprint", "StateDirectory": "$state/agent",
  "Aggregator": { "Endpoints": [ "$address" ] },
  "Sampling": { "SenseIntervalSeconds": 1, "ShipIntervalSeconds": 10 } }
JSON
# As the packaged service runs it: a 1 MiB gen0 budget (README, "Memory"); AGENT_GC_GEN0SIZE= for the runtime's default.
gen0=${AGENT_GC_GEN0SIZE-0x100000}
echo "footprint: agent with DOTNET_GCgen0size=${gen0:-(runtime default)}"
if [ -n "$gen0" ]; then export DOTNET_GCgen0size=$gen0; fi
"$publish/warden-agent" --config "$state/agent.json" > "$out/agent.log" 2>&1 & agent=$!
unset DOTNET_GCgen0size
prometheus-node-exporter --web.listen-address="127.0.0.1:$port" > "$out/node-exporter.log" 2>&1 & exporter=$!
( while sleep 1; do curl -s -o /dev/null "http://127.0.0.1:$port/metrics" || true; done ) & scraper=$!

ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
rss_kb() { awk '/^(VmRSS|RssAnon|RssFile):/{printf "%s ", $2}' "/proc/$1/status"; }
hz=$(getconf CLK_TCK)
sleep 30
a0=$(ticks $agent) e0=$(ticks $exporter) t0=$(date +%s.%N)
: > "$out/rss.tsv"
end=$(( $(date +%s) + duration ))
while [ "$(date +%s)" -lt "$end" ]; do
  echo "$(rss_kb $agent)$(rss_kb $exporter)" >> "$out/rss.tsv"
  sleep 5
done
a1=$(ticks $agent) e1=$(ticks $exporter) t1=$(date +%s.%N)

# Where the agent's memory is: totals, threads, and the mappings holding the most resident memory.
{
  cat "/proc/$agent/smaps_rollup"
  echo "threads: $(ls "/proc/$agent/task" | wc -l)"
  awk '/^[0-9a-f]+-[0-9a-f]+ /{name=($6==""?"[anon]":$6)} /^Rss:/{rss[name]+=$2} /^Anonymous:/{anon[name]+=$2}
       END{for(n in rss) if (rss[n]>0) printf "%8d kB rss %8d kB anon  %s\n", rss[n], anon[n], n}' "/proc/$agent/smaps" | sort -rn | head -20
} > "$out/memory.txt"
# Proof that the agent shipped and was acknowledged all along, not buffering for a silent aggregator.
"$publish/warden-agent" status --config "$state/agent.json" > "$out/agent-status.txt" 2>&1 || true
cat "$out/agent-status.txt"

python3 - "$out/rss.tsv" "$a0" "$a1" "$e0" "$e1" "$t0" "$t1" "$hz" <<'PY' | tee "$out/footprint.txt"
import statistics, sys
rows = [tuple(map(int, l.split())) for l in open(sys.argv[1]) if l.strip()]
a0, a1, e0, e1 = map(float, sys.argv[2:6]); t0, t1, hz = float(sys.argv[6]), float(sys.argv[7]), float(sys.argv[8])
secs = t1 - t0
def line(name, cols, cpu_ticks):
    rss, anon, file = ([r[c] for r in rows] for c in cols)
    cpu = 100 * cpu_ticks / hz / secs
    med = lambda v: statistics.median(v) / 1024
    print(f"{name:<26} RSS median {med(rss):5.1f} MiB (anon {med(anon):4.1f}, file {med(file):4.1f})  max {max(rss)/1024:5.1f} MiB  CPU {cpu:5.2f} % of a core")
    return statistics.median(rss), cpu
print(f"over {secs:.0f} s, {len(rows)} RSS samples, both processes in the same run")
ar, ac = line("warden-agent (1 s)", (0, 1, 2), a1 - a0)
er, ec = line("node_exporter (1 s scrape)", (3, 4, 5), e1 - e0)
print(f"ratio agent/node_exporter: RSS {ar/er:.2f}, CPU {ac/ec if ec else float('nan'):.2f}")
PY
