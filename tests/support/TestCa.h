#pragma once
// A certificate authority of the test's own (as a council may run one), a server
// certificate it signed for 127.0.0.1 and localhost, and a self-signed one for contrast.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace chamber::test {

struct TestCa {
  std::filesystem::path caCert, serverCert, serverKey, selfCert, selfKey;

  explicit TestCa(const std::filesystem::path& dir) {
    caCert = dir / "ca.pem";
    serverCert = dir / "server.pem";
    serverKey = dir / "server.key";
    selfCert = dir / "self.pem";
    selfKey = dir / "self.key";
    const auto ext = dir / "san.ext";
    std::ofstream(ext) << "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n";
    const std::string d = dir.string();
    const std::string q = " 2>/dev/null";
    ok("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "
       "'/CN=Test CA' -keyout '" +
       d + "/ca.key' -out '" + caCert.string() + "'" + q);
    ok("openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=127.0.0.1 -keyout "
       "'" +
       serverKey.string() + "' -out '" + d + "/server.csr'" + q);
    ok("openssl x509 -req -in '" + d + "/server.csr' -CA '" + caCert.string() + "' -CAkey '" + d +
       "/ca.key' -CAcreateserial -days 2 -extfile '" + ext.string() + "' -out '" +
       serverCert.string() + "'" + q);
    ok("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "
       "/CN=127.0.0.1 "
       "-addext subjectAltName=IP:127.0.0.1 -keyout '" +
       selfKey.string() + "' -out '" + selfCert.string() + "'" + q);
  }

 private:
  static void ok(const std::string& cmd) {
    if (std::system(cmd.c_str()) != 0) throw std::runtime_error("failed: " + cmd);
  }
};

}  // namespace chamber::test
