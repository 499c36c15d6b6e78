// chamber-test-camera: an IP camera for tests and the demo — an RTSP server (gst-rtsp-server)
// serving a test pattern as H.264 over RTP, the way a chamber's PTZ cameras serve their
// picture. Stopped with SIGTERM/SIGINT; a test kills and restarts it to play a camera that
// drops off the network and comes back.
#include <glib-unix.h>
#include <gst/gst.h>
#include <gst/rtsp-server/rtsp-server.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>
#include <string>

namespace {
GMainLoop* gLoop = nullptr;
gboolean onSignal(gpointer) {
  g_main_loop_quit(gLoop);
  return G_SOURCE_REMOVE;
}
}  // namespace

int main(int argc, char** argv) {
  int port = 8554, width = 640, height = 360, fps = 15;
  std::string path = "/camera", pattern = "ball", address = "127.0.0.1", label;
  CLI::App app{"chamber-test-camera — camera thử nghiệm RTSP / an RTSP test camera"};
  app.add_option("--port", port, "RTSP port")->capture_default_str();
  app.add_option("--address", address, "address to listen on")->capture_default_str();
  app.add_option("--path", path, "mount point")->capture_default_str();
  app.add_option("--pattern", pattern, "videotestsrc pattern (ball, smpte, red, blue…)")
      ->capture_default_str();
  app.add_option("--label", label, "text burnt into the picture (with the running time)");
  app.add_option("--width", width)->capture_default_str();
  app.add_option("--height", height)->capture_default_str();
  app.add_option("--fps", fps)->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  gst_init(nullptr, nullptr);

  GstRTSPServer* server = gst_rtsp_server_new();
  g_object_set(server, "address", address.c_str(), "service", std::to_string(port).c_str(),
               nullptr);
  GstRTSPMediaFactory* factory = gst_rtsp_media_factory_new();
  std::string launch = "( videotestsrc is-live=true pattern=" + pattern +
                       " ! video/x-raw,width=" + std::to_string(width) +
                       ",height=" + std::to_string(height) + ",framerate=" + std::to_string(fps) +
                       "/1";
  if (!label.empty())
    launch += " ! timeoverlay halignment=right valignment=top text=\"" + label + "\"";
  launch +=
      " ! x264enc tune=zerolatency speed-preset=ultrafast key-int-max=" + std::to_string(fps) +
      " ! rtph264pay name=pay0 pt=96 config-interval=-1 )";
  gst_rtsp_media_factory_set_launch(factory, launch.c_str());
  gst_rtsp_media_factory_set_shared(factory, TRUE);  // one encode for every viewer
  GstRTSPMountPoints* mounts = gst_rtsp_server_get_mount_points(server);
  gst_rtsp_mount_points_add_factory(mounts, path.c_str(), factory);
  g_object_unref(mounts);
  if (gst_rtsp_server_attach(server, nullptr) == 0) {
    std::fprintf(stderr, "chamber-test-camera: cannot listen on %s:%d\n", address.c_str(), port);
    return 1;
  }
  std::printf("rtsp://%s:%d%s\n", address.c_str(), port, path.c_str());
  std::fflush(stdout);
  gLoop = g_main_loop_new(nullptr, FALSE);
  g_unix_signal_add(SIGTERM, onSignal, nullptr);
  g_unix_signal_add(SIGINT, onSignal, nullptr);
  g_main_loop_run(gLoop);
  g_main_loop_unref(gLoop);
  g_object_unref(server);
  return 0;
}
