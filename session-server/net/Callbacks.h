#pragma once
// Internal to net/: the libwebsockets context, its protocols and mounts.
namespace chamber::net {
class ServerImpl;
/// Creates the lws context and vhost for the server (HTTP + chamber.v1 on one port).
void createContext(ServerImpl& s);
}  // namespace chamber::net
