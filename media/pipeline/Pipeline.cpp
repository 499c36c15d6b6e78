#include "pipeline/Pipeline.h"

#include <gst/video/video-event.h>
#include <gst/video/video.h>

#include <cstdio>
#include <cstring>
#include <fstream>

#include "core/ClockCode.h"

namespace chamber::media {

namespace fs = std::filesystem;

const char* stateName(MediaState s) {
  switch (s) {
    case MediaState::Idle:
      return "idle";
    case MediaState::Starting:
      return "starting";
    case MediaState::Live:
      return "live";
    case MediaState::Reconnecting:
      return "reconnecting";
    case MediaState::Failed:
      return "failed";
  }
  return "idle";
}

namespace {

std::int64_t wallMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

/// A folder we can create and write into, or the reason we cannot.
std::string checkWritable(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return "không tạo được thư mục / cannot create " + dir.string() + ": " + ec.message();
  const fs::path probe = dir / ".write-test";
  {
    std::ofstream f(probe);
    if (!(f << "x") || !f.flush()) return "không ghi được vào / cannot write to " + dir.string();
  }
  fs::remove(probe, ec);
  return {};
}

bool hardwareEncoder() {
  GstElementFactory* f = gst_element_factory_find("vaapih264enc");
  if (f) gst_object_unref(f);
  return f != nullptr;
}

}  // namespace

double Pipeline::recordingSeconds() const {
  return recordingStarted_ms_ > 0 ? static_cast<double>(wallMs() - recordingStarted_ms_) / 1000 : 0;
}

Pipeline::Pipeline(const Hardware& hw, fs::path recordDir, fs::path hlsDir)
    : hw_(hw),
      recordDir_(std::move(recordDir)),
      hlsDir_(std::move(hlsDir)),
      live_(hlsDir_, hw.output.hlsSegment_s, hw.output.hlsPlaylistLength) {
  if (!gst_is_initialized()) gst_init(nullptr, nullptr);
}

Pipeline::~Pipeline() {
  release();
}

void Pipeline::setState(MediaState s, const std::string& error, const std::string& detail) {
  if (s == state_ && error == error_) return;
  state_ = s;
  error_ = redactKeys(hw_, error);
  if (onState) onState(s, error_, redactKeys(hw_, detail));
}

std::string Pipeline::start(bool publicOutputs) {
  if (pipeline_) stop();  // never two runs at once
  publicOutputs_ = publicOutputs;
  setState(MediaState::Starting);
  for (const auto& dir : {recordDir_, hlsDir_}) {
    if (auto err = checkWritable(dir); !err.empty()) {
      setState(MediaState::Failed, "storage", err);
      return err;
    }
  }
  spec_ = describePipeline(hw_, recordDir_, hlsDir_, publicOutputs_, wallMs(), hardwareEncoder());
  description_ = spec_.launch;
  recordingFile_ = spec_.recordingFile;
  GError* err = nullptr;
  pipeline_ = gst_parse_launch(description_.c_str(), &err);
  if (err) {
    const std::string msg = std::string("pipeline: ") + err->message;
    g_error_free(err);
    if (pipeline_) gst_object_unref(pipeline_);
    pipeline_ = nullptr;
    setState(MediaState::Failed, "pipeline", msg);
    return msg;
  }
  selector_ =
      gst_bin_get_by_name(GST_BIN(pipeline_), element::kCompositor);  // null with one camera
  overlay_ = gst_bin_get_by_name(GST_BIN(pipeline_), element::kLowerThird);
  if (selector_) gst_object_unref(selector_);  // the bin keeps them alive
  gst_object_unref(overlay_);
  if (publicOutputs_) {
    // The live playlist carries on across runs: this run's first segment follows a restart.
    live_.beginRun();
    liveFirstPts_ = GST_CLOCK_TIME_NONE;
    liveSegmentStart_ = GST_CLOCK_TIME_NONE;
    GstElement* sink = gst_bin_get_by_name(GST_BIN(pipeline_), element::kHls);
    GstPad* pad = gst_element_get_static_pad(sink, "sink");
    gst_pad_add_probe(
        pad,
        static_cast<GstPadProbeType>(GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_BUFFER_LIST),
        [](GstPad*, GstPadProbeInfo* info, gpointer self) {
          // Where the first segment begins (the writer's message gives only its end). The
          // muxer sends lists of buffers; its first ones, the tables, carry no time.
          GstClockTime pts = GST_CLOCK_TIME_NONE;
          if (info->type & GST_PAD_PROBE_TYPE_BUFFER_LIST) {
            GstBufferList* list = GST_PAD_PROBE_INFO_BUFFER_LIST(info);
            for (guint i = 0; i < gst_buffer_list_length(list) && !GST_CLOCK_TIME_IS_VALID(pts);
                 ++i)
              pts = GST_BUFFER_PTS(gst_buffer_list_get(list, i));
          } else {
            pts = GST_BUFFER_PTS(GST_PAD_PROBE_INFO_BUFFER(info));
          }
          if (!GST_CLOCK_TIME_IS_VALID(pts)) return GST_PAD_PROBE_OK;
          static_cast<Pipeline*>(self)->liveFirstPts_.store(pts);
          return GST_PAD_PROBE_REMOVE;
        },
        this, nullptr);
    gst_object_unref(pad);
    gst_object_unref(sink);
  }
  for (const Camera& c : hw_.cameras)
    if (c.clock) paintClock(c.id);
  const Camera* first = hw_.overview();
  show({first ? first->id : "", std::nullopt, "", "", ""});  // the overview until someone speaks
  if (gst_element_set_state(pipeline_, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE) {
    setState(MediaState::Failed, "pipeline",
             "cannot start the pipeline (a camera or microphone is missing?)");
    return error_;
  }
  recordingStarted_ms_ = wallMs();
  for (std::size_t i = 0; publicOutputs_ && i < hw_.destinations.size(); ++i) {
    GstElement* sink =
        gst_bin_get_by_name(GST_BIN(pipeline_), (element::kPushPrefix + std::to_string(i)).c_str());
    auto p = std::make_unique<PushBranch>(hw_.destinations[i], sink);
    gst_object_unref(sink);  // the pipeline keeps it
    if (p->failedForGood()) setState(state_, "stream", p->failure());
    pushes_.push_back(std::move(p));
  }
  for (auto& p : pushes_) p->attach();
  for (const auto& [id, launch] : spec_.cameraBranches)
    cameras_.push_back(std::make_unique<CameraBranch>(id, launch));
  pollCameras(std::chrono::steady_clock::now());  // asked for at once
  std::vector<std::string> mics;
  for (const auto& m : hw_.microphones) mics.push_back(m.id);
  levels_.reset(mics, std::chrono::steady_clock::now());
  return {};
}

std::string Pipeline::availableCamera(const std::string& wanted) const {
  if (!camerasDown_.count(wanted)) return wanted;
  const Camera* overview = hw_.overview();
  if (overview && !camerasDown_.count(overview->id)) return overview->id;
  for (const auto& c : hw_.cameras)
    if (!camerasDown_.count(c.id)) return c.id;
  return wanted;  // none has a picture: the channel's black
}

void Pipeline::show(const Shot& wanted) {
  if (!pipeline_) return;
  lastShot_ = wanted;
  Shot shot = wanted;
  shot.camera = availableCamera(wanted.camera);
  auto it = spec_.cameraPad.find(shot.camera);
  if (it != spec_.cameraPad.end() && selector_) {
    for (const auto& [id, index] : spec_.cameraPad) {
      const std::string name = "sink_" + std::to_string(index);
      if (GstPad* pad = gst_element_get_static_pad(selector_, name.c_str())) {
        g_object_set(pad, "alpha", index == it->second ? 1.0 : 0.0, nullptr);
        gst_object_unref(pad);
      }
    }
  }
  // Escaped markup: textoverlay reads Pango markup.
  const std::string text = lowerThirdText(shot, spec_.lowerThird.charsPerLine);
  g_object_set(overlay_, "text", text.c_str(), "silent", text.empty(), nullptr);
}

bool Pipeline::handle(GstMessage* msg) {
  switch (GST_MESSAGE_TYPE(msg)) {
    case GST_MESSAGE_ERROR: {
      GError* e = nullptr;
      gchar* dbg = nullptr;
      gst_message_parse_error(msg, &e, &dbg);
      const std::string source = GST_OBJECT_NAME(GST_MESSAGE_SRC(msg));
      std::string what = e ? e->message : "error";
      setState(MediaState::Failed, classifyError(source), source + ": " + what);
      if (e) g_error_free(e);
      g_free(dbg);
      return false;
    }
    case GST_MESSAGE_EOS:
      eos_ = true;
      setState(MediaState::Idle);
      return false;
    case GST_MESSAGE_STATE_CHANGED:
      if (GST_MESSAGE_SRC(msg) == GST_OBJECT(pipeline_)) {
        GstState oldS, newS, pending;
        gst_message_parse_state_changed(msg, &oldS, &newS, &pending);
        if (newS == GST_STATE_PLAYING) setState(MediaState::Live);
      }
      return true;
    case GST_MESSAGE_ELEMENT: {
      const GstStructure* s = gst_message_get_structure(msg);
      const std::string src = GST_OBJECT_NAME(GST_MESSAGE_SRC(msg));
      if (s && gst_structure_has_name(s, "GstMultiFileSink") && src == element::kHls)
        liveSegmentClosed(s);
      if (!s || !gst_structure_has_name(s, "level")) return true;
      const std::string prefix = element::kLevelPrefix;
      const std::string mic = src.rfind(prefix, 0) == 0 ? src.substr(prefix.size()) : src;
      const GValue* rms = gst_structure_get_value(s, "rms");
      double loudest = -200;
      // The level element posts its readings as a GValueArray (deprecated in GLib, but what
      // GStreamer 1.22's level still sends, and how its own example reads them).
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      if (rms && G_VALUE_HOLDS(rms, g_value_array_get_type())) {
        auto* arr = static_cast<GValueArray*>(g_value_get_boxed(rms));
        for (guint i = 0; arr && i < arr->n_values; ++i)
          loudest = std::max(loudest, g_value_get_double(g_value_array_get_nth(arr, i)));
      }
      G_GNUC_END_IGNORE_DEPRECATIONS
      if (const auto change = levels_.reading(mic, loudest, std::chrono::steady_clock::now()))
        if (state_ == MediaState::Live && onState)
          onState(state_, change->silent ? "silence" : "",
                  change->silent ? "micrô im lặng / silent microphone: " + mic : "");
      return true;
    }
    default:
      return true;
  }
}

void Pipeline::tick() {
  if (!pipeline_ || state_ == MediaState::Failed) return;
  const auto now = std::chrono::steady_clock::now();
  splitIfDue();
  pollCameras(now);
  for (auto& p : pushes_)
    if (auto failed = p->poll(now))
      setState(MediaState::Reconnecting, "stream", p->destination().id + ": " + *failed);
  updatePushState();
}

void Pipeline::pollCameras(std::chrono::steady_clock::time_point now) {
  for (auto& c : cameras_) {
    const auto change = c->poll(now);
    if (!change) continue;
    if (change->up)
      camerasDown_.erase(c->id());
    else
      camerasDown_.insert(c->id());
    // The chair is told by the camera's name; the shot moves away from it, or back to it.
    if (onState)
      onState(state_, change->up ? "" : "camera",
              change->up ? "camera có hình trở lại / camera back: " + c->id()
                         : "mất hình camera / camera lost: " + c->id() + " (" + change->why + ")");
    show(lastShot_);
  }
}

void Pipeline::splitIfDue() {
  GstClock* clock = gst_element_get_clock(pipeline_);
  if (!clock) return;
  const GstClockTime running = gst_clock_get_time(clock) - gst_element_get_base_time(pipeline_);
  gst_object_unref(clock);
  const GstClockTime gop = static_cast<GstClockTime>(hw_.output.keyframe_s) * GST_SECOND;
  const GstClockTime seg = static_cast<GstClockTime>(hw_.output.segment_s) * GST_SECOND;
  if (nextSplit_ == 0) nextSplit_ = seg;
  if (running + GST_SECOND / 2 < nextSplit_) return;  // ask half a second ahead
  // The boundary is a multiple of the GOP: the keyframe x264 makes there anyway.
  const GstClockTime at = ((nextSplit_ + gop - 1) / gop) * gop;
  GstElement* enc = gst_bin_get_by_name(GST_BIN(pipeline_), element::kEncoder);
  if (enc) {
    GstPad* src = gst_element_get_static_pad(enc, "src");
    gst_pad_send_event(src, gst_video_event_new_upstream_force_key_unit(at, TRUE, ++splits_));
    gst_object_unref(src);
    gst_object_unref(enc);
  }
  nextSplit_ = at + seg;
}

void Pipeline::paintClock(const std::string& camera) {
  GstElement* id =
      gst_bin_get_by_name(GST_BIN(pipeline_), (element::kClockPrefix + camera).c_str());
  if (!id) return;
  GstPad* pad = gst_element_get_static_pad(id, "src");
  gst_pad_add_probe(
      pad, GST_PAD_PROBE_TYPE_BUFFER,
      [](GstPad* p, GstPadProbeInfo* info, gpointer) {
        GstCaps* caps = gst_pad_get_current_caps(p);
        GstVideoInfo vi;
        const bool ok = caps && gst_video_info_from_caps(&vi, caps);
        if (caps) gst_caps_unref(caps);
        if (!ok) return GST_PAD_PROBE_OK;
        GstBuffer* buf = gst_buffer_make_writable(GST_PAD_PROBE_INFO_BUFFER(info));
        GST_PAD_PROBE_INFO_DATA(info) = buf;
        GstVideoFrame frame;
        if (!gst_video_frame_map(&frame, &vi, buf, GST_MAP_WRITE)) return GST_PAD_PROBE_OK;
        const auto ms = static_cast<std::uint64_t>(wallMs());
        const int w = GST_VIDEO_FRAME_WIDTH(&frame),
                  h = clockcode::codeHeight(GST_VIDEO_FRAME_HEIGHT(&frame));
        auto* y = static_cast<guint8*>(GST_VIDEO_FRAME_PLANE_DATA(&frame, 0));
        const int stride = GST_VIDEO_FRAME_PLANE_STRIDE(&frame, 0);
        for (int i = 0; i < clockcode::kBlocks; ++i) {
          const int x0 = clockcode::blockStart(i, w), x1 = clockcode::blockStart(i + 1, w);
          const guint8 luma = clockcode::blockLuma(i, ms);
          for (int r = 0; r < h; ++r)
            std::memset(y + r * stride + x0, luma, static_cast<std::size_t>(x1 - x0));
        }
        for (int plane = 1; plane <= 2; ++plane) {  // no colour in the code (I420: half size)
          auto* c = static_cast<guint8*>(GST_VIDEO_FRAME_PLANE_DATA(&frame, plane));
          const int cs = GST_VIDEO_FRAME_PLANE_STRIDE(&frame, plane);
          for (int r = 0; r < h / 2; ++r)
            std::memset(c + r * cs, 128, static_cast<std::size_t>(w / 2));
        }
        gst_video_frame_unmap(&frame);
        return GST_PAD_PROBE_OK;
      },
      nullptr, nullptr);
  gst_object_unref(pad);
  gst_object_unref(id);
}

std::int64_t Pipeline::wallAt(GstClockTime running) const {
  GstClock* clock = pipeline_ ? gst_element_get_clock(pipeline_) : nullptr;
  if (!clock) return wallMs();
  const GstClockTime now = gst_clock_get_time(clock) - gst_element_get_base_time(pipeline_);
  gst_object_unref(clock);
  return wallMs() - (static_cast<std::int64_t>(now) - static_cast<std::int64_t>(running)) /
                        static_cast<std::int64_t>(GST_MSECOND);
}

void Pipeline::liveSegmentClosed(const GstStructure* s) {
  // The message comes when a file is closed: its "timestamp" is that of the keyframe that
  // begins the next one (at the end of the stream: that of the last buffer).
  const gchar* file = gst_structure_get_string(s, "filename");
  guint64 end = GST_CLOCK_TIME_NONE;
  gst_structure_get_uint64(s, "timestamp", &end);
  if (!file || !GST_CLOCK_TIME_IS_VALID(end)) return;
  GstClockTime start = liveSegmentStart_;
  if (!GST_CLOCK_TIME_IS_VALID(start)) start = liveFirstPts_.load();
  if (!GST_CLOCK_TIME_IS_VALID(start) || start > end) start = end;
  liveSegmentStart_ = end;
  if (end == start) return;  // nothing in it
  live_.add({fs::path(file).filename().string(), static_cast<double>(end - start) / GST_SECOND,
             wallAt(start), false});
}

void Pipeline::updatePushState() {
  // Back to Live once every destination has a sending pipeline again.
  if (state_ != MediaState::Reconnecting) return;
  for (const auto& p : pushes_)
    if (!p->attached() && !p->failedForGood()) return;
  setState(MediaState::Live);
}

void Pipeline::pollBus(int timeout_ms) {
  if (!pipeline_) return;
  GstBus* bus = gst_element_get_bus(pipeline_);
  const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::nanoseconds>(
        end - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    // Short waits, so that branches due for re-attachment are seen in time. In nanoseconds:
    // rounded down to milliseconds, the last fraction of a millisecond became a busy loop
    // (measured: 4 % of a core on clock_gettime).
    const auto wait =
        std::min<std::int64_t>(left.count(), 100 * static_cast<std::int64_t>(GST_MSECOND));
    GstMessage* m = gst_bus_timed_pop(bus, static_cast<GstClockTime>(wait));
    tick();
    if (!m) continue;
    const bool go = handle(m);
    gst_message_unref(m);
    if (!go) break;
  }
  gst_object_unref(bus);
}

void Pipeline::stop(int timeout_ms) {
  if (!pipeline_) return;
  // The pushes go first (their connections close; none is re-attached while the recording
  // finishes), then the recording gets its EOS, then everything of this run is released: a
  // next start() begins from nothing — one push per destination, no connection left over.
  for (auto& p : pushes_) p->close();
  gst_element_send_event(pipeline_, gst_event_new_eos());
  const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (!eos_ && state_ != MediaState::Failed && std::chrono::steady_clock::now() < end)
    pollBus(100);
  release();
  if (state_ != MediaState::Failed) setState(MediaState::Idle);
}

void Pipeline::release() {
  // The pipeline stops first (its streaming threads joined): none can still be handing a
  // sample to a push being destroyed.
  if (pipeline_) {
    gst_element_set_state(pipeline_, GST_STATE_NULL);
    gst_object_unref(pipeline_);
  }
  pushes_.clear();
  cameras_.clear();
  camerasDown_.clear();
  pipeline_ = nullptr;
  selector_ = nullptr;
  overlay_ = nullptr;
  eos_ = false;
  nextSplit_ = 0;
}

}  // namespace chamber::media
