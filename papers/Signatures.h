#pragma once
/// Reading the signatures of a PDF (PAdES / adbe.pkcs7.detached): each one's byte range is
/// hashed and its CMS container checked with OpenSSL (PoDoFo reads the PDF's structure).
/// Used when a signed paper arrives (attached or published), by chamberctl, and by the tests
/// beside poppler's pdfsig. No Qt: the server links it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chamber::papers {

struct SignatureInfo {
  std::string field;          ///< the signature field's name
  std::string subFilter;      ///< "ETSI.CAdES.detached", "adbe.pkcs7.detached"
  std::string signer;         ///< the certificate's subject common name
  std::string subject;        ///< the whole subject, one line
  std::string issuer;         ///< the issuing CA's common name
  std::string name;           ///< /Name, as the signer gave it
  std::string reason;         ///< /Reason: "Chủ tọa kỳ họp", …
  std::string signedAt;       ///< /M as ISO 8601 ("2026-12-10T10:15:00+07:00")
  std::int64_t rangeEnd = 0;  ///< where the signed bytes end (the revision it signs)
  bool intact = false;     ///< the signed bytes hash to what the CMS says, and its signature holds
  bool wholeFile = false;  ///< it covers the file to its last byte (nothing added after it)
  bool trusted = false;    ///< its certificate chains to a given trust anchor
  bool timestamped = false;  ///< carries an RFC 3161 signature timestamp (PAdES B-T)
  std::string problem;       ///< why not intact, in Vietnamese / English
};

struct PdfSignatures {
  std::vector<SignatureInfo> signatures;  ///< in the order they were made
  std::string error;                      ///< the file could not be read as a PDF
  /// Valid: at least one signature, all intact, and the last one covers the whole file.
  bool valid() const;
};

/// Reads and checks every signature of the PDF at `path`. `trustFile`: PEM certificates of
/// the CAs to trust (empty: trust is not checked and `trusted` stays false).
PdfSignatures verifyPdf(const std::string& path, const std::string& trustFile = "");

/// "2026-12-10T10:15:00+07:00" (as signedAt) → ms since the epoch.
std::optional<std::int64_t> instantMs(const std::string& iso);

/// verifyPdf in a child process, for files from outside (an upload): PoDoFo 0.9.8 has crashed
/// and looped on malformed PDFs, and a paper must never take the server down. A child that
/// dies or takes longer than `timeout_ms` gives an `error` and no signatures.
PdfSignatures verifyPdfIsolated(const std::string& path, int timeout_ms = 10000);

/// The result as JSON (stored with a document, sent to tablets and the portal), and back.
std::string toJson(const PdfSignatures& s);
PdfSignatures fromJson(const std::string& json);

/// Silences PoDoFo's own debug and log output (called by the functions here and papers/Sign).
void quietPodofo();

/// An empty signature field a paper is written with, where a signer will sign.
struct SignatureSlot {
  std::string field;                                ///< "ChuToa", "ThuKy"
  int page = 0;                                     ///< 0-based
  double left = 0, top = 0, width = 0, height = 0;  ///< mm from the page's top-left corner
};

/// Finishes a PDF written in Qt's PDF/A-1b mode, in place: marks it PDF/A-2b (the XMP
/// identification) and adds the empty signature fields where its signers sign.
void preparePdf(const std::string& path, const std::vector<SignatureSlot>& places);

}  // namespace chamber::papers
