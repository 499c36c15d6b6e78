#pragma once
// The p-th percentile (0..100) of a sample, for the benchmarks' figures.
#include <algorithm>
#include <cstddef>
#include <vector>

namespace chamber::bench {

inline double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(
      std::min<double>(v.size() - 1, p / 100.0 * static_cast<double>(v.size())));
  return v[i];
}

}  // namespace chamber::bench
