#include "core/TextDiff.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace chamber::core {

namespace {

std::vector<std::string> linesOf(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    const auto nl = s.find('\n', start);
    const auto end = nl == std::string::npos ? s.size() : nl;
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

enum class Op : char { Same = ' ', Del = '-', Add = '+' };
struct Line {
  Op op;
  std::size_t a, b;  ///< positions in a and b (the one the op does not use is where it would be)
};

/// The edit script: common prefix and suffix cut off, the middle by longest common
/// subsequence (edits to a draft are small; a middle too large to table is replaced whole).
std::vector<Line> script(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  std::size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre &&
         a[a.size() - 1 - suf] == b[b.size() - 1 - suf])
    ++suf;
  const std::size_t n = a.size() - pre - suf, m = b.size() - pre - suf;
  std::vector<Line> out;
  for (std::size_t i = 0; i < pre; ++i) out.push_back({Op::Same, i, i});
  if (n * m <= 16'000'000) {
    std::vector<std::uint32_t> L((n + 1) * (m + 1), 0);  // L[i][j]: LCS of a[i..], b[j..]
    auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return L[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        at(i, j) =
            a[pre + i] == b[pre + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[pre + i] == b[pre + j]) {
        out.push_back({Op::Same, pre + i++, pre + j++});
      } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
        out.push_back({Op::Del, pre + i++, pre + j});  // removals first, as diff -u
      } else {
        out.push_back({Op::Add, pre + i, pre + j++});
      }
    }
  } else {
    for (std::size_t i = 0; i < n; ++i) out.push_back({Op::Del, pre + i, pre});
    for (std::size_t j = 0; j < m; ++j) out.push_back({Op::Add, pre + n, pre + j});
  }
  for (std::size_t k = 0; k < suf; ++k) out.push_back({Op::Same, pre + n + k, pre + m + k});
  return out;
}

}  // namespace

std::string unifiedDiff(const std::string& textA, const std::string& textB,
                        const std::string& labelA, const std::string& labelB, int context) {
  const auto a = linesOf(textA), b = linesOf(textB);
  const auto s = script(a, b);
  std::string out;
  const auto ctx = static_cast<std::size_t>(std::max(0, context));
  std::size_t k = 0;
  while (k < s.size()) {
    if (s[k].op == Op::Same) {
      ++k;
      continue;
    }
    // A hunk: from `ctx` lines before this change to `ctx` after the last change that is
    // within 2*ctx lines of the next.
    const std::size_t from = k >= ctx ? k - ctx : 0;
    std::size_t lastChange = k;
    for (std::size_t t = k; t < s.size() && t - lastChange <= 2 * ctx; ++t)
      if (s[t].op != Op::Same) lastChange = t;
    const std::size_t to = std::min(s.size(), lastChange + 1 + ctx);
    std::size_t na = 0, nb = 0;
    for (std::size_t t = from; t < to; ++t) {
      na += s[t].op != Op::Add;
      nb += s[t].op != Op::Del;
    }
    if (out.empty()) out = "--- " + labelA + "\n+++ " + labelB + "\n";
    out += "@@ -" + std::to_string(na ? s[from].a + 1 : s[from].a) + "," + std::to_string(na) +
           " +" + std::to_string(nb ? s[from].b + 1 : s[from].b) + "," + std::to_string(nb) +
           " @@\n";
    for (std::size_t t = from; t < to; ++t) {
      out += static_cast<char>(s[t].op);
      out += s[t].op == Op::Add ? b[s[t].b] : a[s[t].a];
      out += '\n';
    }
    k = to;
  }
  return out;
}

}  // namespace chamber::core
