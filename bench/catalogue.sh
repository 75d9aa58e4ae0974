# Sourced by bench/load.sh and bench/agency.sh: the catalogue both benchmarks file to.
# bench_catalogue <work dir>: copies catalog/ to <work dir>/catalog and adds
# `bench-stay-notification`, a copy of "notification of stay" whose document upload is
# optional (so each request is one submission, not an upload plus a submission), and an
# empty web app in <work dir>/no-dist.
bench_catalogue() {
  local work=$1
  cp -r catalog "$work/catalog"
  sed -e 's/^id = "stay-notification"/id = "bench-stay-notification"/' \
      -e '/^directive24_item/d' \
      -e '/^\[\[documents\]\]/a required = false' \
      catalog/services/stay-notification.toml > "$work/catalog/services/bench-stay-notification.toml"
  cp catalog/forms/stay-notification.toml "$work/catalog/forms/bench-stay-notification.toml"
  mkdir -p "$work/no-dist"
  echo '<!doctype html><title>bench</title>' > "$work/no-dist/index.html"
}
