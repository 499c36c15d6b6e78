#pragma once
// Reads a recording with FFmpeg libav: streams, duration (from the packets: a killed
// segment has no index), keyframe times, and the colour at the centre of a frame.
extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
}
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace chamber::test {

struct Probe {
  bool opened = false;
  int videoStreams = 0, audioStreams = 0;
  std::string videoCodec, audioCodec;
  double firstVideo_s = -1, lastVideo_s = -1;
  std::vector<double> keyframes_s;
  int packets = 0;
  std::vector<std::pair<double, int>> videoPackets;  ///< (pts in s, bytes), in file order
  double duration_s() const { return lastVideo_s - firstVideo_s; }
  /// Video kilobits in each whole second from the first frame (the bitrate a platform sees).
  std::vector<double> videoKbpsPerSecond() const {
    std::vector<double> bits;
    for (const auto& [t, bytes] : videoPackets) {
      const auto i = static_cast<std::size_t>(t - firstVideo_s);
      if (bits.size() <= i) bits.resize(i + 1, 0);
      bits[i] += bytes * 8.0 / 1000;
    }
    if (!bits.empty()) bits.pop_back();  // the last second is not whole
    return bits;
  }
};

inline Probe probe(const std::string& path) {
  Probe p;
  AVFormatContext* fmt = nullptr;
  if (avformat_open_input(&fmt, path.c_str(), nullptr, nullptr) != 0) return p;
  if (avformat_find_stream_info(fmt, nullptr) < 0) {
    avformat_close_input(&fmt);
    return p;
  }
  p.opened = true;
  int video = -1;
  for (unsigned i = 0; i < fmt->nb_streams; ++i) {
    const AVCodecParameters* c = fmt->streams[i]->codecpar;
    if (c->codec_type == AVMEDIA_TYPE_VIDEO) {
      ++p.videoStreams;
      video = static_cast<int>(i);
      p.videoCodec = avcodec_get_name(c->codec_id);
    } else if (c->codec_type == AVMEDIA_TYPE_AUDIO) {
      ++p.audioStreams;
      p.audioCodec = avcodec_get_name(c->codec_id);
    }
  }
  AVPacket* pkt = av_packet_alloc();
  while (av_read_frame(fmt, pkt) >= 0) {
    ++p.packets;
    if (pkt->stream_index == video && pkt->pts != AV_NOPTS_VALUE) {
      const double t = static_cast<double>(pkt->pts) * av_q2d(fmt->streams[video]->time_base);
      if (p.firstVideo_s < 0 || t < p.firstVideo_s) p.firstVideo_s = t;
      if (t > p.lastVideo_s) p.lastVideo_s = t;
      if (pkt->flags & AV_PKT_FLAG_KEY) p.keyframes_s.push_back(t);
      p.videoPackets.emplace_back(t, pkt->size);
    }
    av_packet_unref(pkt);
  }
  av_packet_free(&pkt);
  avformat_close_input(&fmt);
  return p;
}

/// Decodes the video of `path` frame by frame; `frame` returns false to stop early.
template <typename F>
inline bool decodeFrames(const std::string& path, F&& frameFn) {
  AVFormatContext* fmt = nullptr;
  if (avformat_open_input(&fmt, path.c_str(), nullptr, nullptr) != 0) return false;
  avformat_find_stream_info(fmt, nullptr);
  const int vs = av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
  if (vs < 0) {
    avformat_close_input(&fmt);
    return false;
  }
  const AVCodec* codec = avcodec_find_decoder(fmt->streams[vs]->codecpar->codec_id);
  AVCodecContext* ctx = avcodec_alloc_context3(codec);
  avcodec_parameters_to_context(ctx, fmt->streams[vs]->codecpar);
  avcodec_open2(ctx, codec, nullptr);
  AVPacket* pkt = av_packet_alloc();
  AVFrame* frame = av_frame_alloc();
  bool got = false, more = true;
  auto take = [&] {
    while (more && avcodec_receive_frame(ctx, frame) == 0) {
      got = true;
      more = frameFn(frame);
    }
  };
  while (more && av_read_frame(fmt, pkt) >= 0) {
    if (pkt->stream_index == vs) {
      avcodec_send_packet(ctx, pkt);
      take();
    }
    av_packet_unref(pkt);
  }
  avcodec_send_packet(ctx, nullptr);
  take();
  av_frame_free(&frame);
  av_packet_free(&pkt);
  avcodec_free_context(&ctx);
  avformat_close_input(&fmt);
  return got;
}

/// Chroma (U, V) at the centre of a decoded video frame: the `skip`-th from the start, or
/// from the end (the compositor's first and last frames may be its black background).
inline bool centreChroma(const std::string& path, bool last, int& u, int& v, int skip = 5) {
  std::vector<std::pair<int, int>> seen;
  const bool got = decodeFrames(path, [&](const AVFrame* f) {
    const int x = f->width / 4, y = f->height / 4;  // chroma planes are half size
    seen.emplace_back(f->data[1][y * f->linesize[1] + x], f->data[2][y * f->linesize[2] + x]);
    if (last && seen.size() > static_cast<std::size_t>(skip) + 1) seen.erase(seen.begin());
    return last || static_cast<int>(seen.size()) <= skip;
  });
  if (!got || seen.empty()) return false;
  std::tie(u, v) = last ? seen.front() : seen.back();
  return true;
}

/// The luma plane of one decoded frame.
struct Luma {
  int width = 0, height = 0;
  std::vector<std::uint8_t> y;
  int at(int x, int row) const { return y[static_cast<std::size_t>(row) * width + x]; }
};

/// A copy of a decoded frame's luma plane.
inline Luma lumaOf(const AVFrame* f) {
  Luma l{f->width, f->height, {}};
  l.y.resize(static_cast<std::size_t>(f->width) * f->height);
  for (int r = 0; r < f->height; ++r)
    std::copy_n(f->data[0] + r * f->linesize[0], f->width, l.y.begin() + r * f->width);
  return l;
}

/// The luma of the frame `fromEnd` frames before the last.
inline bool lumaNearEnd(const std::string& path, Luma& out, int fromEnd = 3) {
  std::vector<Luma> tail;
  decodeFrames(path, [&](const AVFrame* f) {
    tail.push_back(lumaOf(f));
    if (tail.size() > static_cast<std::size_t>(fromEnd) + 1) tail.erase(tail.begin());
    return true;
  });
  if (tail.empty()) return false;
  out = std::move(tail.front());
  return true;
}

}  // namespace chamber::test
