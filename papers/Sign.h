#pragma once
/// Signing a PDF with a key that never leaves its PKCS#11 token (a Vietnamese CA's USB token
/// through OpenSC, SoftHSM2 in tests): PAdES baseline B-B — a CMS SignedData (OpenSSL) with
/// the signing-certificate-v2 attribute, SubFilter ETSI.CAdES.detached — written by PoDoFo as
/// an incremental update, so the signatures before it stay valid. B-T when a timestamp
/// authority is given (RFC 3161). The signature shows on the page as Vietnamese papers show
/// it: the signer's name, title and the signing time in a box, or the organisation's seal.
/// Needs a QGuiApplication (the visible signature is drawn with Qt).
#include <string>

namespace chamber::papers {

struct TokenKey {
  std::string module;  ///< the PKCS#11 module: /usr/lib/softhsm/libsofthsm2.so, opensc-pkcs11.so
  std::string token;   ///< the token's label
  std::string key;     ///< the private key's label (its certificate has the same id)
  std::string pin;     ///< the user PIN, typed by the signer
};

struct SignRequest {
  std::string in, out;
  TokenKey key;
  std::string name;      ///< "Nguyễn Văn Hùng"
  std::string title;     ///< "Chủ tịch HĐND xã" — or the organisation for a seal
  std::string reason;    ///< /Reason: "Chủ tọa kỳ họp"
  std::string location;  ///< /Location: "Côn Minh"
  bool seal = false;     ///< the organisation's seal (a red round stamp) instead of a person's box
  /// Where the visible signature goes: page (1-based; 0 the last) and a box in mm from the
  /// page's top-left corner. Left at 0: minutes' defaults (MinutesPdf.h signatureBox).
  int page = 0;
  double left = 0, top = 0, width = 0, height = 0;
  std::string tsaUrl;  ///< an RFC 3161 timestamp authority (http://…): B-T; empty: B-B
  std::string field;   ///< the signature field's name; empty: "ChuKy<n>"
};

/// Signs `r.in` into `r.out`. Throws std::runtime_error with a message for the signer
/// (wrong PIN, no such token or key, the file not a PDF, the TSA unreachable…).
void signPdf(const SignRequest& r);

}  // namespace chamber::papers
