# Turns run.sh's raw TSVs into the markdown summary: medians per scenario and target, ratios to bare YARP, the
# direct upstream and nginx measured in the same run, startup and memory, and the issue's goals checked.
# Input files: scenarios.tsv, runs.tsv, startup.tsv, final.tsv (told apart by name: any may be empty).
# Portable awk (mawk has no asort).
BEGIN { FS = "\t" }
FNR == 1 { file = FILENAME ~ /scenarios\.tsv$/ ? 1 : FILENAME ~ /runs\.tsv$/ ? 2 : FILENAME ~ /startup\.tsv$/ ? 3 : 4 }

file == 1 { order[++ns] = $1; title[$1] = $2; baseline[$1] = $3; expect[$1] = $4; targets[$1] = $5; next }
file == 2 && $13 == 1 {
  k = $2 SUBSEP $3
  rps[k] = rps[k] " " $4; p50[k] = p50[k] " " $5; p99[k] = p99[k] " " $6
  cpu[k] = cpu[k] " " $10; rss[k] = rss[k] " " $12; seen[k] = 1
  next
}
file == 2 { bad[$2 SUBSEP $3]++; next }
file == 3 { start[$2] = start[$2] " " $3; next }
file == 4 { finalrss[$1] = $2; next }

function sorted(list, a,   n, i, j, v) {
  n = split(list, a, " ")
  for (i = 2; i <= n; i++) { v = a[i] + 0; for (j = i - 1; j >= 1 && a[j] + 0 > v; j--) a[j + 1] = a[j]; a[j + 1] = v }
  return n
}
function median(list,   a, n) {
  n = sorted(list, a)
  if (n == 0) return ""
  return n % 2 ? a[(n + 1) / 2] + 0 : (a[n / 2] + a[n / 2 + 1]) / 2
}
function lo(list,   a) { return sorted(list, a) ? a[1] + 0 : "" }
function hi(list,   a, n) { n = sorted(list, a); return n ? a[n] + 0 : "" }
function has(s, t) { return (s SUBSEP t) in seen }
function med(metric, s, t,   k) {
  k = s SUBSEP t
  if (metric == "rps") return median(rps[k])
  if (metric == "p50") return median(p50[k])
  if (metric == "p99") return median(p99[k])
  if (metric == "cpu") return median(cpu[k])
  return median(rss[k])
}
function ratio(s, t, peer,   b) {
  b = baseline[s]
  if (!has(b, peer) || !has(s, t)) return "—"
  return sprintf("%.2f", med("rps", s, t) / med("rps", b, peer)) (b != s ? " (" b ")" : "")
}
function kilo(v) { return v >= 10000 ? sprintf("%.1f k", v / 1000) : sprintf("%.0f", v) }
function verdict(ok) { return ok ? "met" : "**not met**" }

END {
  print "## Throughput and latency (medians; ratios to the row of the same scenario, or of the named baseline scenario)"
  print ""
  print "| scenario | target | req/s | min–max | × bare YARP | × direct | × nginx | p50 ms | p99 ms | CPU µs/req | RSS MB |"
  print "|---|---|---|---|---|---|---|---|---|---|---|"
  for (i = 1; i <= ns; i++) {
    s = order[i]
    n = split(targets[s], ts, " ")
    for (j = 1; j <= n; j++) {
      t = ts[j]; k = s SUBSEP t
      if (!has(s, t)) {
        if (k in bad) printf "| %s | %s | all %d run(s) had wrong statuses | | | | | | | | |\n", title[s], t, bad[k]
        continue
      }
      printf "| %s | %s | %s | %s–%s | %s | %s | %s | %.2f | %.2f | %.0f | %.0f |\n", title[s], t, kilo(med("rps", s, t)),
        kilo(lo(rps[k])), kilo(hi(rps[k])), ratio(s, t, "yarp"), ratio(s, t, "direct"), ratio(s, t, "nginx"),
        med("p50", s, t), med("p99", s, t), med("cpu", s, t), med("rss", s, t) / 1024
    }
  }

  print ""
  print "## Startup and memory"
  print ""
  print "| target | exec → first proxied 200, ms (median, min–max) | RSS after all load, MB | × bare YARP startup | × bare YARP RSS |"
  print "|---|---|---|---|---|"
  ys = median(start["yarp"]); yr = ("yarp" in finalrss) ? finalrss["yarp"] : 0
  for (t in finalrss) names[++nt] = t
  for (i = 2; i <= nt; i++) { v = names[i]; for (j = i - 1; j >= 1 && names[j] > v; j--) names[j + 1] = names[j]; names[j + 1] = v }
  for (i = 1; i <= nt; i++) {
    t = names[i]
    st = median(start[t])
    printf "| %s | %s | %.0f | %s | %s |\n", t, st == "" ? "—" : sprintf("%.0f (%.0f–%.0f)", st, lo(start[t]), hi(start[t])),
      finalrss[t] / 1024, (st != "" && ys > 0) ? sprintf("%.2f", st / ys) : "—", (yr > 0) ? sprintf("%.2f", finalrss[t] / yr) : "—"
  }

  print ""
  print "## The issue's goals, checked on this run"
  print ""
  armed = has("small", "gw:armed") ? "gw:armed" : "gw:base"
  if (has("small", armed) && has("small", "nginx")) {
    r = med("rps", "small", armed) / med("rps", "small", "nginx")
    printf "- small JSON, %s ≥ 0.75 × nginx: %.2f, %s%s\n", armed, r, verdict(r >= 0.75),
      armed == "gw:base" ? " (the fully armed config is not available in this build; the default config stands in)" : ""
  }
  for (i = 1; i <= ns; i++) {
    s = order[i]; b = baseline[s]
    if (expect[s] != 200 || !has(b, "yarp")) continue
    n = split(targets[s], ts, " ")
    for (j = 1; j <= n; j++) {
      t = ts[j]
      if (t !~ /^gw:(armed|jwt|apikey|ratelimit|base)(@|$)/ || !has(s, t)) continue
      r = med("rps", s, t) / med("rps", b, "yarp"); d = med("p99", s, t) - med("p99", b, "yarp")
      printf "- %s, %s ≥ 0.90 × bare YARP and p99 ≤ bare YARP + 1 ms: %.2f, p99 %+.2f ms, %s\n", title[s], t, r, d, verdict(r >= 0.90 && d <= 1)
    }
  }
  if (has("error500", "yarp")) {
    n = split(targets["error500"], ts, " ")
    for (j = 1; j <= n; j++) {
      t = ts[j]
      if (t !~ /^gw:/ || !has("error500", t)) continue
      r = med("rps", "error500", t) / med("rps", "error500", "yarp")
      printf "- normalization path (500 + stack trace), %s ≥ 0.5 × bare YARP relaying it: %.2f, %s\n", t, r, verdict(r >= 0.5)
    }
  }
  split("gw:etag gw:etagcache", etagTargets, " ")
  for (j = 1; j <= 2; j++) {
    t = etagTargets[j]
    if (!has("etag304", t) || !has("small", "yarp")) continue
    r = med("rps", "etag304", t) / med("rps", "small", "yarp")
    printf "- 304 path (%s) faster than bare YARP's full 200 of the same resource: %.2f ×, %s\n", t, r, verdict(r > 1)
  }
  for (i = 1; i <= nt; i++) {
    t = names[i]
    if (t !~ /^gw:/ || yr <= 0) continue
    r = finalrss[t] / yr
    st = median(start[t])
    printf "- %s: RSS ≤ 1.3 × bare YARP: %.2f, %s; startup ≤ 1.5 × bare YARP: %s\n", t, r, verdict(r <= 1.3),
      (st != "" && ys > 0) ? sprintf("%.2f, %s", st / ys, verdict(st / ys <= 1.5)) : "not measured"
  }
}
