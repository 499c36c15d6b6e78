#pragma once
/// libav, the archive's way: RAII holders for its contexts and a few helpers shared by the
/// archive, the phone rendition and the verification.
extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <filesystem>
#include <memory>
#include <string>

namespace chamber::media {

namespace fs = std::filesystem;

inline constexpr AVRational kMs{1, 1000};

/// libav's free functions all take T** and null it: one deleter for them all.
template <class T, void (*Free)(T**)>
struct Freer {
  void operator()(T* p) const { Free(&p); }
};
using Input = std::unique_ptr<AVFormatContext, Freer<AVFormatContext, avformat_close_input>>;
using Packet = std::unique_ptr<AVPacket, Freer<AVPacket, av_packet_free>>;
using Codec = std::unique_ptr<AVCodecContext, Freer<AVCodecContext, avcodec_free_context>>;
using Frame = std::unique_ptr<AVFrame, Freer<AVFrame, av_frame_free>>;

/// An output file being written: its context, and the file closed with it.
struct OutputFile {
  AVFormatContext* ctx = nullptr;
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile() {
    if (!ctx) return;
    if (ctx->pb) avio_closep(&ctx->pb);
    avformat_free_context(ctx);
  }
};

inline std::string avError(int err) {
  char buf[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(err, buf, sizeof buf);
  return buf;
}

inline Input openInput(const fs::path& file) {
  AVFormatContext* raw = nullptr;
  if (avformat_open_input(&raw, file.c_str(), nullptr, nullptr) < 0) return nullptr;
  Input in(raw);
  if (avformat_find_stream_info(in.get(), nullptr) < 0) return nullptr;
  return in;
}

}  // namespace chamber::media
