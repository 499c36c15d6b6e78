#include "archive/Rendition.h"

#include <sys/resource.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "archive/Av.h"

namespace chamber::media {

std::string verifyArchive(const fs::path& mp4, std::int64_t expected_ms) {
  Input in = openInput(mp4);
  if (!in) return "cannot open " + mp4.string();
  if (av_find_best_stream(in.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0) < 0)
    return "no video in " + mp4.string();
  if (av_find_best_stream(in.get(), AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0) < 0)
    return "no sound in " + mp4.string();
  // Every packet is read: a file cut short or damaged fails here, not in a viewer's player.
  Packet pkt(av_packet_alloc());
  std::int64_t last_ms = 0;
  int err = 0;
  while ((err = av_read_frame(in.get(), pkt.get())) >= 0) {
    const AVStream* st = in->streams[pkt->stream_index];
    if (pkt->pts != AV_NOPTS_VALUE)
      last_ms = std::max(last_ms, av_rescale_q(pkt->pts + pkt->duration, st->time_base, kMs));
    av_packet_unref(pkt.get());
  }
  if (err != AVERROR_EOF) return "unreadable after " + std::to_string(last_ms) + " ms";
  if (std::abs(last_ms - expected_ms) > 1500)
    return "lasts " + std::to_string(last_ms) + " ms, not " + std::to_string(expected_ms);
  return {};
}

namespace {

void check(int err, const char* what) {
  if (err < 0) throw std::runtime_error(std::string(what) + ": " + avError(err));
}

/// Sends the encoder's packets to the file.
void drain(AVCodecContext* enc, AVFormatContext* out, AVStream* os, AVPacket* pkt) {
  while (avcodec_receive_packet(enc, pkt) == 0) {
    av_packet_rescale_ts(pkt, enc->time_base, os->time_base);
    pkt->stream_index = os->index;
    check(av_interleaved_write_frame(out, pkt), "write");
  }
}

}  // namespace

RenditionResult makeRendition(const fs::path& inFile, const fs::path& outFile, int height,
                              int videoKbps) {
  RenditionResult result;
  const fs::path part = outFile.string() + ".part";
  try {
    Input in = openInput(inFile);
    if (!in) throw std::runtime_error("cannot open " + inFile.string());
    const int vs = av_find_best_stream(in.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    const int as = av_find_best_stream(in.get(), AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
    if (vs < 0) throw std::runtime_error("no video");
    AVStream* ivs = in->streams[vs];
    const AVCodec* decoder = avcodec_find_decoder(ivs->codecpar->codec_id);
    Codec dec(avcodec_alloc_context3(decoder));
    avcodec_parameters_to_context(dec.get(), ivs->codecpar);
    dec->thread_count = 1;  // a background job: one core at most
    check(avcodec_open2(dec.get(), decoder, nullptr), "decoder");

    const AVCodec* encoder = avcodec_find_encoder_by_name("libx264");
    if (!encoder) encoder = avcodec_find_encoder(AV_CODEC_ID_H264);
    if (!encoder) throw std::runtime_error("no H.264 encoder in this libavcodec");
    if (ivs->codecpar->height <= height)
      throw std::runtime_error("the original is " + std::to_string(ivs->codecpar->height) +
                               " lines already: no smaller copy needed");
    Codec enc(avcodec_alloc_context3(encoder));
    result.height = height & ~1;
    result.width = (ivs->codecpar->width * height / std::max(1, ivs->codecpar->height) + 1) & ~1;
    enc->width = result.width;
    enc->height = result.height;
    enc->pix_fmt = AV_PIX_FMT_YUV420P;
    enc->time_base = ivs->time_base;
    const AVRational fps = ivs->avg_frame_rate.num > 0 ? ivs->avg_frame_rate : AVRational{25, 1};
    enc->framerate = fps;
    enc->gop_size = 2 * fps.num / std::max(1, fps.den);
    enc->bit_rate = videoKbps * 1000LL;
    enc->rc_max_rate = enc->bit_rate * 3 / 2;
    enc->rc_buffer_size = static_cast<int>(enc->bit_rate * 2);
    enc->thread_count = 1;
    enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    av_opt_set(enc->priv_data, "preset", "veryfast", 0);
    check(avcodec_open2(enc.get(), encoder, nullptr), "encoder");

    OutputFile out;
    check(avformat_alloc_output_context2(&out.ctx, nullptr, "mp4", part.c_str()), "mp4");
    AVStream* ovs = avformat_new_stream(out.ctx, nullptr);
    check(avcodec_parameters_from_context(ovs->codecpar, enc.get()), "video stream");
    ovs->time_base = enc->time_base;
    AVStream* oas = nullptr;
    if (as >= 0) {  // the sound as it is
      oas = avformat_new_stream(out.ctx, nullptr);
      check(avcodec_parameters_copy(oas->codecpar, in->streams[as]->codecpar), "audio stream");
      oas->codecpar->codec_tag = 0;
      oas->time_base = in->streams[as]->time_base;
    }
    // The chapters as they are: a phone seeks by item and speaker too.
    out.ctx->chapters =
        static_cast<AVChapter**>(av_calloc(std::max(1u, in->nb_chapters), sizeof(AVChapter*)));
    for (unsigned i = 0; i < in->nb_chapters; ++i) {
      auto* c = static_cast<AVChapter*>(av_mallocz(sizeof(AVChapter)));
      const AVChapter* src = in->chapters[i];
      c->id = src->id;
      c->time_base = src->time_base;
      c->start = src->start;
      c->end = src->end;
      av_dict_copy(&c->metadata, src->metadata, 0);
      out.ctx->chapters[out.ctx->nb_chapters++] = c;
    }
    av_dict_copy(&out.ctx->metadata, in->metadata, 0);
    check(avio_open(&out.ctx->pb, part.c_str(), AVIO_FLAG_WRITE), "open");
    AVDictionary* opts = nullptr;
    av_dict_set(&opts, "movflags", "+faststart", 0);
    const int header = avformat_write_header(out.ctx, &opts);
    av_dict_free(&opts);
    check(header, "header");

    SwsContext* sws = nullptr;
    Packet pkt(av_packet_alloc()), encoded(av_packet_alloc());
    Frame frame(av_frame_alloc()), small(av_frame_alloc());
    small->format = AV_PIX_FMT_YUV420P;
    small->width = result.width;
    small->height = result.height;
    check(av_frame_get_buffer(small.get(), 0), "frame");
    const auto encodeFrames = [&] {
      while (avcodec_receive_frame(dec.get(), frame.get()) == 0) {
        sws = sws_getCachedContext(sws, frame->width, frame->height,
                                   static_cast<AVPixelFormat>(frame->format), result.width,
                                   result.height, AV_PIX_FMT_YUV420P, SWS_BICUBIC, nullptr, nullptr,
                                   nullptr);
        check(av_frame_make_writable(small.get()), "frame");
        sws_scale(sws, frame->data, frame->linesize, 0, frame->height, small->data,
                  small->linesize);
        small->pts = frame->best_effort_timestamp;
        av_frame_unref(frame.get());
        check(avcodec_send_frame(enc.get(), small.get()), "encode");
        drain(enc.get(), out.ctx, ovs, encoded.get());
      }
    };
    while (av_read_frame(in.get(), pkt.get()) >= 0) {
      if (pkt->stream_index == vs) {
        if (avcodec_send_packet(dec.get(), pkt.get()) >= 0) encodeFrames();
      } else if (oas && pkt->stream_index == as) {
        av_packet_rescale_ts(pkt.get(), in->streams[as]->time_base, oas->time_base);
        pkt->stream_index = oas->index;
        pkt->pos = -1;
        check(av_interleaved_write_frame(out.ctx, pkt.get()), "write");
      }
      av_packet_unref(pkt.get());
    }
    avcodec_send_packet(dec.get(), nullptr);
    encodeFrames();
    avcodec_send_frame(enc.get(), nullptr);
    drain(enc.get(), out.ctx, ovs, encoded.get());
    sws_freeContext(sws);
    check(av_write_trailer(out.ctx), "trailer");
  } catch (const std::exception& e) {
    std::error_code ec;
    fs::remove(part, ec);
    result.error = e.what();
    return result;
  }
  fs::rename(part, outFile);
  result.bytes = fs::file_size(outFile);
  return result;
}

int sweepRecordings(const fs::path& outRoot, const fs::path& recordingsDir, int keepDays,
                    std::chrono::system_clock::time_point now) {
  if (keepDays < 0 || !fs::is_directory(outRoot)) return 0;
  int removed = 0;
  std::error_code ec;
  for (const auto& dir : fs::directory_iterator(outRoot, ec)) {
    const fs::path report = dir.path() / "archive.json";
    std::ifstream in(report);
    if (!in) continue;
    nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    in.close();
    if (j.is_discarded() || !j.value("verified", false) || j.value("recordings_removed", false))
      continue;
    const auto built = std::chrono::system_clock::time_point(
        std::chrono::milliseconds(j.value("built_ms", std::int64_t{0})));
    if (now - built < std::chrono::hours(24) * keepDays) continue;
    for (const auto& name : j.value("recordings", nlohmann::json::array())) {
      const std::string file = name.get<std::string>();
      if (file.find('/') != std::string::npos || file.starts_with(".")) continue;  // names only
      removed += fs::remove(recordingsDir / file, ec) ? 1 : 0;
    }
    j["recordings_removed"] = true;
    const fs::path tmp = report.string() + ".part";
    {
      std::ofstream f(tmp, std::ios::trunc);
      f << j.dump(2) << "\n";
    }
    fs::rename(tmp, report, ec);
  }
  return removed;
}

}  // namespace chamber::media
