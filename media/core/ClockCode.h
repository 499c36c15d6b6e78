#pragma once
/// The wall clock burnt into a test camera's picture (`clock = true` in the hardware file),
/// for measuring the delay from the camera to a viewer's screen ("glass to glass"): a row of
/// kBlocks blocks across the top tenth of the frame — a white and a black reference, then
/// the 32 low bits of the wall-clock milliseconds, most significant first, white for 1.
/// Large blocks survive the encoder and a player's scaling; the reader (bench/glass_bench.mjs)
/// samples each block's centre on a canvas copy of the playing video and compares with its
/// own clock. Pure: Pipeline.cpp paints it on the frame.
#include <cstdint>

namespace chamber::media::clockcode {

inline constexpr int kBlocks = 34;  ///< reference white, reference black, 32 bits

/// The luma of block `i` for time `ms` (235 white, 16 black: video range).
inline std::uint8_t blockLuma(int i, std::uint64_t ms) {
  if (i == 0) return 235;
  if (i == 1) return 16;
  const int bit = 31 - (i - 2);
  return ((ms >> bit) & 1u) ? 235 : 16;
}

/// Block `i` spans [x0, x1) of a row `width` wide.
inline int blockStart(int i, int width) {
  return i * width / kBlocks;
}

/// The code covers rows [0, height / 10).
inline int codeHeight(int height) {
  return height / 10;
}

/// Reads the code back from a luma plane (the tests; the browser's reader does the same on a
/// canvas): the 32 low bits of the milliseconds, or -1 if the references are not there.
inline std::int64_t read(const std::uint8_t* y, int stride, int width, int height) {
  const int row = codeHeight(height) / 2;
  auto sample = [&](int i) {
    const int x = (blockStart(i, width) + blockStart(i + 1, width)) / 2;
    return static_cast<int>(y[row * stride + x]);
  };
  const int white = sample(0), black = sample(1);
  if (white - black < 100) return -1;
  const int mid = (white + black) / 2;
  std::uint32_t v = 0;
  for (int i = 2; i < kBlocks; ++i) v = (v << 1) | (sample(i) > mid ? 1u : 0u);
  return v;
}

}  // namespace chamber::media::clockcode
