#pragma once
// PKCS#11 tokens as a Vietnamese CA delivers them, in SoftHSM2: a key pair made on the token
// (it never leaves it), a certificate for its public key from a test CA, written beside it.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace chamber::test {

struct TestTokens {
  static constexpr const char* kModule = "/usr/lib/softhsm/libsofthsm2.so";
  std::filesystem::path dir, conf, caCert;

  explicit TestTokens(const std::filesystem::path& d) : dir(d) {
    std::filesystem::create_directories(dir / "tokens");
    conf = dir / "softhsm2.conf";
    std::ofstream(conf) << "directories.tokendir = " << (dir / "tokens").string()
                        << "\nobjectstore.backend = file\nlog.level = ERROR\n";
    ::setenv("SOFTHSM2_CONF", conf.c_str(), 1);  // for this process and those it starts
    caCert = dir / "ca.pem";
    sh("openssl req -x509 -newkey rsa:2048 -nodes -days 30 -utf8 -subj "
       "'/CN=CA thử nghiệm/O=Digital Chamber' -keyout '" +
       (dir / "ca.key").string() + "' -out '" + caCert.string() + "'");
  }

  /// A token labelled `label` (user PIN `pin`) with an RSA key `label`-key and a certificate
  /// for `subject` ("/CN=…/O=…", UTF-8).
  void make(const std::string& label, const std::string& pin, const std::string& subject) {
    const std::string m = std::string(" --module ") + kModule + " --token-label " + label;
    sh("softhsm2-util --init-token --free --label " + label + " --pin " + pin +
       " --so-pin 87654321");
    sh("pkcs11-tool" + m + " --login --pin " + pin +
       " --keypairgen --key-type rsa:2048 --id 01 --label " + label + "-key");
    const std::string b = (dir / label).string();
    sh("pkcs11-tool" + m + " --read-object --type pubkey --id 01 -o '" + b + ".pub.der'");
    sh("openssl pkey -pubin -inform DER -in '" + b + ".pub.der' -out '" + b + ".pub.pem'");
    // The CSR only carries the subject (signed by the CA's key); the certificate gets the
    // token's public key.
    sh("openssl req -new -utf8 -key '" + (dir / "ca.key").string() + "' -subj '" + subject +
       "' -out '" + b + ".csr'");
    std::ofstream(b + ".ext") << "keyUsage=critical,digitalSignature,nonRepudiation\n";
    sh("openssl x509 -req -in '" + b + ".csr' -CA '" + caCert.string() + "' -CAkey '" +
       (dir / "ca.key").string() + "' -CAcreateserial -days 30 -force_pubkey '" + b +
       ".pub.pem' -extfile '" + b + ".ext' -outform DER -out '" + b + ".cert.der'");
    sh("pkcs11-tool" + m + " --login --pin " + pin + " --write-object '" + b +
       ".cert.der' --type cert --id 01 --label " + label + "-key");
  }

  /// A timestamp authority's key and certificate (extended key usage timeStamping) from the
  /// test CA, and the `openssl ts` configuration that answers with them. Returns its path.
  std::filesystem::path makeTsa() {
    const std::string d = dir.string();
    sh("openssl req -new -newkey rsa:2048 -nodes -utf8 -subj '/CN=TSA thử nghiệm' -keyout '" + d +
       "/tsa.key' -out '" + d + "/tsa.csr'");
    std::ofstream(dir / "tsa.ext") << "extendedKeyUsage=critical,timeStamping\n"
                                      "keyUsage=critical,digitalSignature\n";
    sh("openssl x509 -req -in '" + d + "/tsa.csr' -CA '" + caCert.string() + "' -CAkey '" + d +
       "/ca.key' -CAcreateserial -days 30 -extfile '" + d + "/tsa.ext' -out '" + d + "/tsa.pem'");
    const auto cnf = dir / "tsa.cnf";
    std::ofstream(cnf) << "[ tsa ]\ndefault_tsa = tsa1\n[ tsa1 ]\n"
                       << "serial = " << d << "/tsaserial\ncrypto_device = builtin\n"
                       << "signer_cert = " << d << "/tsa.pem\ncerts = " << caCert.string()
                       << "\nsigner_key = " << d << "/tsa.key\nsigner_digest = sha256\n"
                       << "default_policy = 1.2.3.4.1\ndigests = sha256, sha384, sha512\n"
                       << "accuracy = secs:1\nordering = yes\ntsa_name = no\n"
                       << "ess_cert_id_chain = no\ness_cert_id_alg = sha256\n";
    std::ofstream(dir / "tsaserial") << "01\n";
    return cnf;
  }

  static void sh(const std::string& cmd) {
    if (std::system((cmd + " >/dev/null 2>&1").c_str()) != 0)
      throw std::runtime_error("failed: " + cmd);
  }
};

}  // namespace chamber::test
