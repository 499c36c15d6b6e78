#include "archive/Archive.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>

#include "archive/Av.h"

namespace chamber::media {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::int64_t kGapTolerance_ms = 1000;  // more than a GOP's worth of frames apart

/// A segment file of a recording, as found on disk.
struct Segment {
  fs::path file;
  std::size_t recording = 0;
  int index = 0;
  // from the scan
  std::int64_t start_ms = 0, end_ms = 0;  // archive positions
  bool usable = false, damaged = false;
};

/// The segments of one recording, by number; numbers missing in between are counted.
std::vector<Segment> listSegments(const fs::path& dir, const Recording& r, std::size_t recIndex,
                                  int& missing) {
  const auto pct = r.pattern.find("%05d");
  std::vector<Segment> out;
  if (pct == std::string::npos || !fs::is_directory(dir)) return out;
  const std::string prefix = r.pattern.substr(0, pct), suffix = r.pattern.substr(pct + 4);
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.size() <= prefix.size() + suffix.size() || !name.starts_with(prefix) ||
        !name.ends_with(suffix))
      continue;
    const std::string digits =
        name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
    if (digits.empty() ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    out.push_back({e.path(), recIndex, std::stoi(digits)});
  }
  std::sort(out.begin(), out.end(),
            [](const Segment& a, const Segment& b) { return a.index < b.index; });
  int expected = 0;
  for (const auto& s : out) {
    missing += std::max(0, s.index - expected);
    expected = s.index + 1;
  }
  return out;
}

/// The archive position (ms) of a timestamp of recording `offset_ms` into the archive.
std::int64_t positionMs(std::int64_t ts, AVRational tb, std::int64_t offset_ms) {
  return av_rescale_q(ts, tb, kMs) - kTsClockBase_ms + offset_ms;
}

/// Reads a segment's packets once: where it lies on the time line, and whether it is whole.
void scan(Segment& s, std::int64_t offset_ms) {
  Input in = openInput(s.file);
  if (!in) {
    s.damaged = true;
    return;
  }
  Packet pkt(av_packet_alloc());
  std::optional<std::int64_t> first, last;
  int err = 0;
  while ((err = av_read_frame(in.get(), pkt.get())) >= 0) {
    const AVStream* st = in->streams[pkt->stream_index];
    if (pkt->pts != AV_NOPTS_VALUE) {
      const auto a = positionMs(pkt->pts, st->time_base, offset_ms);
      const auto b =
          positionMs(pkt->pts + std::max<std::int64_t>(pkt->duration, 0), st->time_base, offset_ms);
      first = first ? std::min(*first, a) : a;
      last = last ? std::max(*last, b) : b;
    }
    av_packet_unref(pkt.get());
  }
  if (err != AVERROR_EOF) s.damaged = true;
  // A kill -9 or a power cut mid-write leaves the last 188-byte transport packet cut short:
  // the frame it carried is damaged (what came before still plays).
  std::error_code ec;
  if (s.file.extension() == ".ts" && fs::file_size(s.file, ec) % 188 != 0) s.damaged = true;
  if (first) {
    s.usable = true;
    s.start_ms = *first;
    s.end_ms = *last;
  } else {
    s.damaged = true;
  }
}

struct Output : OutputFile {
  std::map<AVMediaType, int> streamOf;  // video, audio → output stream
  std::map<int, std::int64_t> lastDts;  // per output stream
};

void addChapters(AVFormatContext* oc, const std::vector<ArchiveChapter>& chapters) {
  oc->chapters = static_cast<AVChapter**>(av_calloc(chapters.size(), sizeof(AVChapter*)));
  if (!oc->chapters) throw std::runtime_error("out of memory");
  for (const auto& c : chapters) {
    auto* ch = static_cast<AVChapter*>(av_mallocz(sizeof(AVChapter)));
    if (!ch) throw std::runtime_error("out of memory");
    ch->id = static_cast<std::int64_t>(oc->nb_chapters);
    ch->time_base = kMs;
    ch->start = c.start_ms;
    ch->end = c.end_ms;
    av_dict_set(&ch->metadata, "title", c.title.c_str(), 0);
    oc->chapters[oc->nb_chapters++] = ch;
  }
}

/// Copies one segment's packets into the output, moved to its archive position.
void copySegment(Output& out, const Segment& s, std::int64_t offset_ms) {
  Input in = openInput(s.file);
  if (!in) return;
  Packet pkt(av_packet_alloc());
  while (av_read_frame(in.get(), pkt.get()) >= 0) {
    const AVStream* ist = in->streams[pkt->stream_index];
    auto os = out.streamOf.find(ist->codecpar->codec_type);
    if (os == out.streamOf.end() || pkt->dts == AV_NOPTS_VALUE || pkt->pts == AV_NOPTS_VALUE) {
      av_packet_unref(pkt.get());
      continue;
    }
    const std::int64_t shift = av_rescale_q(offset_ms - kTsClockBase_ms, kMs, ist->time_base);
    pkt->pts += shift;
    pkt->dts += shift;
    AVStream* ost = out.ctx->streams[os->second];
    av_packet_rescale_ts(pkt.get(), ist->time_base, ost->time_base);
    pkt->stream_index = os->second;
    pkt->pos = -1;
    auto last = out.lastDts.find(os->second);
    // Damaged data can go back in time or before the start: such packets are dropped.
    if (pkt->dts < 0 || (last != out.lastDts.end() && pkt->dts <= last->second)) {
      av_packet_unref(pkt.get());
      continue;
    }
    out.lastDts[os->second] = pkt->dts;
    const int err = av_interleaved_write_frame(out.ctx, pkt.get());  // takes the packet's data
    if (err < 0) throw std::runtime_error("cannot write the archive: " + avError(err));
  }
}

/// A JPEG of the video at `at_ms` (the first frame at or after it), 320 pixels wide.
bool thumbnail(AVFormatContext* in, int vs, AVCodecContext* dec, std::int64_t at_ms,
               const fs::path& file) {
  AVStream* st = in->streams[vs];
  const std::int64_t target = av_rescale_q(at_ms, kMs, st->time_base);
  if (av_seek_frame(in, vs, target, AVSEEK_FLAG_BACKWARD) < 0) return false;
  avcodec_flush_buffers(dec);
  Packet pkt(av_packet_alloc());
  Frame frame(av_frame_alloc());
  bool got = false, sentEof = false;
  while (!got) {
    if (!sentEof) {
      const int r = av_read_frame(in, pkt.get());
      if (r < 0) {
        avcodec_send_packet(dec, nullptr);
        sentEof = true;
      } else {
        if (pkt->stream_index == vs) avcodec_send_packet(dec, pkt.get());
        av_packet_unref(pkt.get());
      }
    }
    for (;;) {
      const int r = avcodec_receive_frame(dec, frame.get());
      if (r < 0) break;
      const auto ts = frame->best_effort_timestamp;
      got = ts == AV_NOPTS_VALUE || ts >= target;
      if (got) break;
      av_frame_unref(frame.get());
    }
    if (sentEof && !got) {
      return false;
    }
  }
  const int w = 320, h = std::max(2, (320 * frame->height / std::max(1, frame->width)) & ~1);
  // A JPEG is full-range 4:2:0: asked of swscale as yuv420p with a full-range output (its
  // yuvj420p is deprecated and says so on every thumbnail).
  SwsContext* sws =
      sws_getContext(frame->width, frame->height, static_cast<AVPixelFormat>(frame->format), w, h,
                     AV_PIX_FMT_YUV420P, SWS_BICUBIC, nullptr, nullptr, nullptr);
  if (!sws) return false;
  {
    int *inverse = nullptr, *table = nullptr, srcRange = 0, dstRange = 0, brightness = 0,
        contrast = 0, saturation = 0;
    sws_getColorspaceDetails(sws, &inverse, &srcRange, &table, &dstRange, &brightness, &contrast,
                             &saturation);
    sws_setColorspaceDetails(sws, inverse, srcRange, table, 1, brightness, contrast, saturation);
  }
  Frame small(av_frame_alloc());
  small->format = AV_PIX_FMT_YUV420P;
  small->color_range = AVCOL_RANGE_JPEG;
  small->width = w;
  small->height = h;
  if (av_frame_get_buffer(small.get(), 0) < 0) {
    sws_freeContext(sws);
    return false;
  }
  sws_scale(sws, frame->data, frame->linesize, 0, frame->height, small->data, small->linesize);
  sws_freeContext(sws);
  const AVCodec* mjpeg = avcodec_find_encoder(AV_CODEC_ID_MJPEG);
  if (!mjpeg) return false;
  Codec enc(avcodec_alloc_context3(mjpeg));
  enc->width = w;
  enc->height = h;
  enc->pix_fmt = AV_PIX_FMT_YUV420P;
  enc->color_range = AVCOL_RANGE_JPEG;
  enc->time_base = {1, 25};
  enc->flags |= AV_CODEC_FLAG_QSCALE;
  enc->global_quality = FF_QP2LAMBDA * 4;
  if (avcodec_open2(enc.get(), mjpeg, nullptr) < 0) return false;
  small->quality = enc->global_quality;
  small->pts = 0;
  if (avcodec_send_frame(enc.get(), small.get()) < 0 || avcodec_send_frame(enc.get(), nullptr) < 0)
    return false;
  if (avcodec_receive_packet(enc.get(), pkt.get()) < 0) return false;
  std::ofstream f(file, std::ios::binary | std::ios::trunc);
  f.write(reinterpret_cast<const char*>(pkt->data), pkt->size);
  return static_cast<bool>(f);
}

void makeThumbnails(const fs::path& video, const fs::path& dir,
                    std::vector<ArchiveChapter>& chapters) {
  Input in = openInput(video);
  if (!in) return;
  const int vs = av_find_best_stream(in.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
  if (vs < 0) return;
  const AVCodec* codec = avcodec_find_decoder(in->streams[vs]->codecpar->codec_id);
  if (!codec) return;
  Codec dec(avcodec_alloc_context3(codec));
  avcodec_parameters_to_context(dec.get(), in->streams[vs]->codecpar);
  dec->thread_count = 2;
  if (avcodec_open2(dec.get(), codec, nullptr) < 0) return;
  fs::create_directories(dir);
  for (std::size_t i = 0; i < chapters.size(); ++i) {
    auto& c = chapters[i];
    if (c.kind == "gap") continue;
    // A moment into the chapter: past the cut, before its end.
    const std::int64_t at = c.start_ms + std::min<std::int64_t>(1000, (c.end_ms - c.start_ms) / 2);
    char name[48];
    std::snprintf(name, sizeof name, "chapter-%03zu.jpg", i + 1);
    if (thumbnail(in.get(), vs, dec.get(), at, dir / name)) c.thumbnail = name;
  }
}

}  // namespace

ArchiveReport buildArchive(const SittingLog& log, const fs::path& recordingsDir,
                           const fs::path& outDir) {
  if (log.recordings.empty()) throw std::runtime_error("the sitting has no recording");
  ArchiveReport report;
  report.sitting = log.sitting;
  report.title = log.title;
  report.started_ms = log.recordings.front().started_ms;

  // Pass 1: find every segment and where it lies.
  std::vector<Segment> segments;
  for (std::size_t r = 0; r < log.recordings.size(); ++r) {
    auto list = listSegments(recordingsDir, log.recordings[r], r, report.missing);
    for (auto& s : list) {
      report.recordingFiles.push_back(s.file.filename().string());
      scan(s, log.recordings[r].started_ms - report.started_ms);
      if (s.damaged) ++report.damaged;
      segments.push_back(std::move(s));
    }
  }
  report.segments = static_cast<int>(segments.size());
  std::vector<const Segment*> usable;
  for (const auto& s : segments)
    if (s.usable) usable.push_back(&s);
  if (usable.empty())
    throw std::runtime_error("no playable recording segment in " + recordingsDir.string());
  std::stable_sort(usable.begin(), usable.end(),
                   [](auto* a, auto* b) { return a->start_ms < b->start_ms; });

  // Gaps: wherever the time line jumps, and before the first frame.
  std::int64_t cursor = 0;
  std::size_t prevRecording = usable.front()->recording;
  for (const Segment* s : usable) {
    if (s->start_ms - cursor > kGapTolerance_ms) {
      // Within one recording, or a recording that picks up mid-way: segments were lost. Between
      // two recordings: the chair's pause only if the first one was stopped (media.state
      // idle); a process that died (kill -9) left no stop behind — that is a loss too.
      const bool lost = s->recording == prevRecording || s->index > 0 ||
                        !log.recordings[prevRecording].stoppedCleanly;
      report.gaps.push_back({cursor, s->start_ms, lost ? "lost" : "paused"});
    }
    cursor = std::max(cursor, s->end_ms);
    prevRecording = s->recording;
  }
  report.duration_ms = cursor;
  report.chapters = placeChapters(log, report.started_ms, report.duration_ms, report.gaps);

  // Pass 2: write the MP4 (chapters must be in place before the header).
  fs::create_directories(outDir);
  const fs::path tmp = outDir / "archive.mp4.part", video = outDir / "archive.mp4";
  {
    Output out;
    if (avformat_alloc_output_context2(&out.ctx, nullptr, "mp4", tmp.c_str()) < 0 || !out.ctx)
      throw std::runtime_error("cannot create an MP4 writer");
    Input first = openInput(usable.front()->file);
    if (!first) throw std::runtime_error("cannot reopen " + usable.front()->file.string());
    for (unsigned i = 0; i < first->nb_streams; ++i) {
      const AVCodecParameters* par = first->streams[i]->codecpar;
      if ((par->codec_type != AVMEDIA_TYPE_VIDEO && par->codec_type != AVMEDIA_TYPE_AUDIO) ||
          out.streamOf.count(par->codec_type))
        continue;
      AVStream* os = avformat_new_stream(out.ctx, nullptr);
      if (!os || avcodec_parameters_copy(os->codecpar, par) < 0)
        throw std::runtime_error("cannot add a stream");
      os->codecpar->codec_tag = 0;
      os->time_base = first->streams[i]->time_base;
      out.streamOf[par->codec_type] = os->index;
    }
    addChapters(out.ctx, report.chapters);
    av_dict_set(&out.ctx->metadata, "title", log.title.c_str(), 0);
    int err = avio_open(&out.ctx->pb, tmp.c_str(), AVIO_FLAG_WRITE);
    if (err < 0) throw std::runtime_error("cannot write " + tmp.string() + ": " + avError(err));
    AVDictionary* opts = nullptr;
    av_dict_set(&opts, "movflags", "+faststart", 0);
    err = avformat_write_header(out.ctx, &opts);
    av_dict_free(&opts);
    if (err < 0) throw std::runtime_error("cannot start the MP4: " + avError(err));
    for (const Segment* s : usable)
      copySegment(out, *s, log.recordings[s->recording].started_ms - report.started_ms);
    err = av_write_trailer(out.ctx);
    if (err < 0) throw std::runtime_error("cannot finish the MP4: " + avError(err));
  }
  fs::rename(tmp, video);

  // Pass 3: a picture for each chapter.
  makeThumbnails(video, outDir / "thumbs", report.chapters);
  return report;
}

json toJson(const ArchiveReport& r, const std::string& urlBase) {
  json chapters = json::array(), gaps = json::array();
  for (const auto& c : r.chapters)
    chapters.push_back(
        {{"start_s", c.start_ms / 1000.0},
         {"end_s", c.end_ms / 1000.0},
         {"kind", c.kind},
         {"item", c.item},
         {"person", c.person},
         {"title", c.title},
         {"thumbnail", c.thumbnail.empty() ? "" : urlBase + "/thumbs/" + c.thumbnail}});
  for (const auto& g : r.gaps)
    gaps.push_back(
        {{"start_s", g.start_ms / 1000.0}, {"end_s", g.end_ms / 1000.0}, {"reason", g.reason}});
  return {{"sitting", r.sitting},
          {"title", r.title},
          {"video", urlBase + "/archive.mp4"},
          {"duration_s", r.duration_ms / 1000.0},
          {"started_ms", r.started_ms},
          {"chapters", chapters},
          {"gaps", gaps},
          {"segments", {{"found", r.segments}, {"missing", r.missing}, {"damaged", r.damaged}}}};
}

}  // namespace chamber::media
