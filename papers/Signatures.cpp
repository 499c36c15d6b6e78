#include "papers/Signatures.h"

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/sha.h>
#include <openssl/ts.h>
#include <openssl/x509.h>
#include <podofo/podofo.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace chamber::papers {

namespace {

using namespace PoDoFo;

template <class T, void (*F)(T*)>
struct Free {
  void operator()(T* p) const { F(p); }
};
using Bio = std::unique_ptr<BIO, Free<BIO, BIO_free_all>>;
using Cms = std::unique_ptr<CMS_ContentInfo, Free<CMS_ContentInfo, CMS_ContentInfo_free>>;
using Store = std::unique_ptr<X509_STORE, Free<X509_STORE, X509_STORE_free>>;

std::string readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::string utf8(const PdfObject* o) {
  if (!o || !(o->IsString() || o->IsHexString())) return "";
  return o->GetString().GetStringUtf8();
}

std::string commonName(X509_NAME* n) {
  if (!n) return "";
  const int i = X509_NAME_get_index_by_NID(n, NID_commonName, -1);
  if (i < 0) return "";
  unsigned char* s = nullptr;
  const int len = ASN1_STRING_to_UTF8(&s, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(n, i)));
  if (len < 0) return "";
  std::string out(reinterpret_cast<char*>(s), static_cast<std::size_t>(len));
  OPENSSL_free(s);
  return out;
}

std::string oneLine(X509_NAME* n) {
  Bio b(BIO_new(BIO_s_mem()));
  X509_NAME_print_ex(b.get(), n, 0, XN_FLAG_ONELINE & ~ASN1_STRFLGS_ESC_MSB);
  char* data = nullptr;
  const long len = BIO_get_mem_data(b.get(), &data);
  return std::string(data, static_cast<std::size_t>(len));
}

/// "D:20261210101500+07'00'" → "2026-12-10T10:15:00+07:00".
std::string isoDate(const std::string& d) {
  std::string s = d.rfind("D:", 0) == 0 ? d.substr(2) : d;
  if (s.size() < 14) return d;
  std::string out = s.substr(0, 4) + "-" + s.substr(4, 2) + "-" + s.substr(6, 2) + "T" +
                    s.substr(8, 2) + ":" + s.substr(10, 2) + ":" + s.substr(12, 2);
  const std::string tz = s.substr(14);
  if (tz.empty() || tz[0] == 'Z') return out + "Z";
  if (tz.size() >= 6) return out + tz.substr(0, 3) + ":" + tz.substr(4, 2);
  return out;
}

std::string opensslError() {
  const unsigned long e = ERR_get_error();
  char buf[256];
  ERR_error_string_n(e, buf, sizeof buf);
  ERR_clear_error();
  return buf;
}

/// PAdES B-T: the signature-timestamp token must stamp this signature's value.
void checkTimestamp(SignatureInfo& info, CMS_SignerInfo* si) {
  const int at = CMS_unsigned_get_attr_by_NID(si, NID_id_smime_aa_timeStampToken, -1);
  if (at < 0) return;
  ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(CMS_unsigned_get_attr(si, at), 0);
  if (!value || value->type != V_ASN1_SEQUENCE) return;
  const unsigned char* p = value->value.sequence->data;
  PKCS7* token = d2i_PKCS7(nullptr, &p, value->value.sequence->length);
  TS_TST_INFO* tst = token ? PKCS7_to_TS_TST_INFO(token) : nullptr;
  if (tst) {
    const ASN1_OCTET_STRING* sig = CMS_SignerInfo_get0_signature(si);
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(ASN1_STRING_get0_data(sig), static_cast<size_t>(ASN1_STRING_length(sig)), digest);
    const ASN1_OCTET_STRING* imprint = TS_MSG_IMPRINT_get_msg(TS_TST_INFO_get_msg_imprint(tst));
    info.timestamped = ASN1_STRING_length(imprint) == SHA256_DIGEST_LENGTH &&
                       std::memcmp(ASN1_STRING_get0_data(imprint), digest, sizeof digest) == 0;
    if (!info.timestamped)
      info.problem = "Dấu thời gian không khớp chữ ký / the timestamp is not of this signature";
  }
  TS_TST_INFO_free(tst);
  PKCS7_free(token);
}

void check(SignatureInfo& info, const std::string& file, const PdfObject& sig, X509_STORE* trust) {
  const PdfObject* range = sig.GetDictionary().GetKey(PdfName("ByteRange"));
  const PdfObject* contents = sig.GetDictionary().GetKey(PdfName("Contents"));
  if (!range || !range->IsArray() || range->GetArray().size() != 4 || !contents ||
      !(contents->IsString() || contents->IsHexString())) {
    info.problem = "Chữ ký thiếu ByteRange hoặc Contents / no byte range or contents";
    return;
  }
  std::int64_t r[4];
  for (int i = 0; i < 4; ++i) r[i] = range->GetArray()[static_cast<std::size_t>(i)].GetNumber();
  const auto size = static_cast<std::int64_t>(file.size());
  if (r[0] != 0 || r[1] < 0 || r[2] < r[1] || r[3] < 0 || r[2] + r[3] > size) {
    info.problem = "Phạm vi ký không hợp lệ / the signed byte range is not within the file";
    return;
  }
  info.rangeEnd = r[2] + r[3];
  info.wholeFile = info.rangeEnd == size;
  // The gap must be exactly the /Contents hex string: nothing unsigned hides in it.
  const std::string gap =
      file.substr(static_cast<std::size_t>(r[1]), static_cast<std::size_t>(r[2] - r[1]));
  if (gap.size() < 2 || gap.front() != '<' || gap.back() != '>' ||
      gap.find_first_not_of("0123456789abcdefABCDEF", 1) != gap.size() - 1) {
    info.problem =
        "Phần không ký không chỉ là chữ ký / the unsigned gap holds more than the signature";
    return;
  }
  const PdfString& der = contents->GetString();
  Bio cmsIn(BIO_new_mem_buf(der.GetString(), static_cast<int>(der.GetLength())));
  Cms cms(d2i_CMS_bio(cmsIn.get(), nullptr));
  if (!cms) {
    info.problem =
        "Không đọc được khối chữ ký CMS / cannot read the CMS signature: " + opensslError();
    return;
  }
  std::string signedBytes = file.substr(0, static_cast<std::size_t>(r[1]));
  signedBytes += file.substr(static_cast<std::size_t>(r[2]), static_cast<std::size_t>(r[3]));
  Bio data(BIO_new_mem_buf(signedBytes.data(), static_cast<int>(signedBytes.size())));
  unsigned int flags = CMS_BINARY | CMS_DETACHED;
  if (!trust) flags |= CMS_NO_SIGNER_CERT_VERIFY;
  const bool ok = CMS_verify(cms.get(), nullptr, trust, data.get(), nullptr, flags) == 1;
  if (!ok) {
    const std::string why = opensslError();
    // Trust failing is not damage: check integrity alone, and report trust separately.
    Bio again(BIO_new_mem_buf(signedBytes.data(), static_cast<int>(signedBytes.size())));
    info.intact = trust && CMS_verify(cms.get(), nullptr, nullptr, again.get(), nullptr,
                                      CMS_BINARY | CMS_DETACHED | CMS_NO_SIGNER_CERT_VERIFY) == 1;
    ERR_clear_error();
    if (!info.intact)
      info.problem =
          "Tài liệu đã bị thay đổi sau khi ký hoặc chữ ký sai / the document was "
          "changed after signing or the signature is wrong (" +
          why + ")";
    else
      info.problem =
          "Chứng thư không thuộc tổ chức chứng thực tin cậy / the certificate is not "
          "from a trusted CA";
  } else {
    info.intact = true;
    info.trusted = trust != nullptr;
  }
  if (STACK_OF(X509)* signers = CMS_get0_signers(cms.get())) {
    if (sk_X509_num(signers) > 0) {
      X509* cert = sk_X509_value(signers, 0);
      info.signer = commonName(X509_get_subject_name(cert));
      info.subject = oneLine(X509_get_subject_name(cert));
      info.issuer = commonName(X509_get_issuer_name(cert));
    }
    sk_X509_free(signers);
  }
  STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms.get());
  if (infos && sk_CMS_SignerInfo_num(infos) > 0)
    checkTimestamp(info, sk_CMS_SignerInfo_value(infos, 0));
}

}  // namespace

bool PdfSignatures::valid() const {
  if (!error.empty() || signatures.empty()) return false;
  for (const auto& s : signatures)
    if (!s.intact) return false;
  return signatures.back().wholeFile;
}

/// PoDoFo prints its debug and log lines to the terminal: not in our programs' output.
void quietPodofo() {
  PdfError::EnableDebug(false);
  PdfError::EnableLogging(false);
}

PdfSignatures verifyPdf(const std::string& path, const std::string& trustFile) {
  quietPodofo();
  PdfSignatures out;
  std::string file;
  try {
    file = readAll(path);
  } catch (const std::exception& e) {
    out.error = e.what();
    return out;
  }
  Store trust;
  if (!trustFile.empty()) {
    trust.reset(X509_STORE_new());
    if (X509_STORE_load_file(trust.get(), trustFile.c_str()) != 1)
      throw std::runtime_error("cannot read the trust anchors " + trustFile);
  }
  try {
    PdfMemDocument doc;
    doc.LoadFromBuffer(file.data(), static_cast<pdf_long>(file.size()));
    std::map<PdfReference, std::string> fieldOf;  // signature dictionary → its field's name
    std::vector<const PdfObject*> sigs;
    for (PdfObject* o : doc.GetObjects()) {
      if (!o->IsDictionary()) continue;
      const PdfDictionary& d = o->GetDictionary();
      const PdfObject* ft = d.GetKey(PdfName("FT"));
      const PdfObject* v = d.GetKey(PdfName("V"));
      if (ft && ft->IsName() && ft->GetName() == PdfName("Sig") && v && v->IsReference())
        fieldOf[v->GetReference()] = utf8(d.GetKey(PdfName("T")));
      const PdfObject* type = d.GetKey(PdfName("Type"));
      if (type && type->IsName() && type->GetName() == PdfName("Sig") &&
          d.HasKey(PdfName("ByteRange")))
        sigs.push_back(o);
    }
    for (const PdfObject* sig : sigs) {
      SignatureInfo info;
      const PdfDictionary& d = sig->GetDictionary();
      info.field = fieldOf.count(sig->Reference()) ? fieldOf[sig->Reference()] : "";
      const PdfObject* sub = d.GetKey(PdfName("SubFilter"));
      info.subFilter = sub && sub->IsName() ? sub->GetName().GetName() : "";
      info.name = utf8(d.GetKey(PdfName("Name")));
      info.reason = utf8(d.GetKey(PdfName("Reason")));
      info.signedAt = isoDate(utf8(d.GetKey(PdfName("M"))));
      check(info, file, *sig, trust.get());
      out.signatures.push_back(std::move(info));
    }
    std::sort(out.signatures.begin(), out.signatures.end(),
              [](const auto& a, const auto& b) { return a.rangeEnd < b.rangeEnd; });
  } catch (const PdfError& e) {
    out.error = std::string("Không đọc được tệp PDF / not a readable PDF: ") +
                PdfError::ErrorMessage(e.GetError());
  }
  return out;
}

PdfSignatures verifyPdfIsolated(const std::string& path, int timeout_ms) {
  int fds[2];
  if (::pipe(fds) != 0) return verifyPdf(path);
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return verifyPdf(path);
  }
  if (child == 0) {  // the child: read the file, write the result, leave without cleanup
    ::close(fds[0]);
    const std::string out = toJson(verifyPdf(path));
    std::size_t sent = 0;
    while (sent < out.size()) {
      const ssize_t n = ::write(fds[1], out.data() + sent, out.size() - sent);
      if (n <= 0) break;
      sent += static_cast<std::size_t>(n);
    }
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string json;
  char buf[4096];
  pollfd p{fds[0], POLLIN, 0};
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  bool timedOut = false;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          deadline - std::chrono::steady_clock::now())
                          .count();
    if (left <= 0 || ::poll(&p, 1, static_cast<int>(left)) <= 0) {
      timedOut = true;
      break;
    }
    const ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n <= 0) break;
    json.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  if (timedOut) ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  if (timedOut || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || json.empty()) {
    PdfSignatures out;
    out.error = "Không kiểm tra được chữ ký của tệp này / the file's signatures could not be read";
    return out;
  }
  return fromJson(json);
}

PdfSignatures fromJson(const std::string& text) {
  PdfSignatures out;
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    out.error = "bad signatures record";
    return out;
  }
  if (j.contains("error")) out.error = j["error"].get<std::string>();
  for (const auto& x : j.value("signatures", nlohmann::json::array())) {
    SignatureInfo s;
    s.field = x.value("field", "");
    s.subFilter = x.value("subFilter", "");
    s.signer = x.value("signer", "");
    s.issuer = x.value("issuer", "");
    s.name = x.value("name", "");
    s.reason = x.value("reason", "");
    s.signedAt = x.value("signedAt", "");
    s.intact = x.value("intact", false);
    s.wholeFile = x.value("wholeFile", false);
    s.trusted = x.value("trusted", false);
    s.timestamped = x.value("timestamped", false);
    s.problem = x.value("problem", "");
    out.signatures.push_back(std::move(s));
  }
  return out;
}

std::optional<std::int64_t> instantMs(const std::string& iso) {
  int y, mo, d, h, mi, s;
  char sign = 'Z';
  int oh = 0, om = 0;
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c%2d:%2d", &y, &mo, &d, &h, &mi, &s, &sign,
                  &oh, &om) < 7)
    return std::nullopt;
  // Days from the civil date (H. Hinnant), then the offset taken off.
  const int yy = y - (mo <= 2);
  const int era = (yy >= 0 ? yy : yy - 399) / 400;
  const int yoe = yy - era * 400;
  const int doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const std::int64_t days = static_cast<std::int64_t>(era) * 146097 + doe - 719468;
  std::int64_t secs = days * 86400 + h * 3600 + mi * 60 + s;
  if (sign == '+') secs -= oh * 3600 + om * 60;
  if (sign == '-') secs += oh * 3600 + om * 60;
  return secs * 1000;
}

std::string toJson(const PdfSignatures& s) {
  nlohmann::json j = nlohmann::json::object();
  j["valid"] = s.valid();
  if (!s.error.empty()) j["error"] = s.error;
  j["signatures"] = nlohmann::json::array();
  for (const auto& x : s.signatures)
    j["signatures"].push_back({{"field", x.field},
                               {"subFilter", x.subFilter},
                               {"signer", x.signer},
                               {"issuer", x.issuer},
                               {"name", x.name},
                               {"reason", x.reason},
                               {"signedAt", x.signedAt},
                               {"intact", x.intact},
                               {"wholeFile", x.wholeFile},
                               {"trusted", x.trusted},
                               {"timestamped", x.timestamped},
                               {"problem", x.problem}});
  return j.dump();
}

void preparePdf(const std::string& path, const std::vector<SignatureSlot>& places) {
  quietPodofo();
  const std::string tmp = path + ".pdfa.tmp";
  {
    PdfMemDocument doc(path.c_str());
    PdfObject* meta = doc.GetCatalog()->GetIndirectKey(PdfName("Metadata"));
    if (!meta || !meta->HasStream())
      throw std::runtime_error("no XMP metadata in " + path + " (not written as PDF/A)");
    char* buf = nullptr;
    pdf_long len = 0;
    meta->GetStream()->GetFilteredCopy(&buf, &len);
    std::string xmp(buf, static_cast<std::size_t>(len));
    podofo_free(buf);
    bool changed = false;
    for (const char* part :
         {"<pdfaid:part>1</pdfaid:part>", "pdfaid:part='1'", "pdfaid:part=\"1\""}) {
      const auto at = xmp.find(part);
      if (at == std::string::npos) continue;
      std::string two = part;
      two.replace(two.find('1'), 1, "2");
      xmp.replace(at, std::string(part).size(), two);
      changed = true;
    }
    if (!changed) throw std::runtime_error("no PDF/A identification in " + path);
    meta->GetStream()->Set(xmp.data(), static_cast<pdf_long>(xmp.size()), TVecFilters());
    if (!places.empty()) {
      PdfAcroForm* form = doc.GetAcroForm(true, ePdfAcroFormDefaultAppearance_None);
      form->GetObject()->GetDictionary().AddKey(PdfName("SigFlags"), PdfObject(pdf_int64(3)));
    }
    for (const auto& place : places) {
      PdfPage* page = doc.GetPage(place.page);
      const double h = page->GetPageSize().GetHeight();
      auto pt = [](double mm) { return mm / 25.4 * 72.0; };
      PdfSignatureField field(page,
                              PdfRect(pt(place.left), h - pt(place.top) - pt(place.height),
                                      pt(place.width), pt(place.height)),
                              &doc);
      field.SetFieldName(PdfString(place.field));
      field.GetWidgetAnnotation()->SetFlags(ePdfAnnotationFlags_Print);
      // Empty until signed: PoDoFo gives a new field a blank signature value; take it away.
      PdfDictionary& d = field.GetFieldObject()->GetDictionary();
      if (const PdfObject* v = d.GetKey(PdfName("V")); v && v->IsReference()) {
        const PdfReference blank = v->GetReference();
        d.RemoveKey(PdfName("V"));
        delete doc.GetObjects().RemoveObject(blank);
      }
      d.RemoveKey(PdfName("M"));
      // PDF/A: every visible annotation has an appearance; an empty one until it is signed.
      PdfXObject blank(PdfRect(0, 0, pt(place.width), pt(place.height)), &doc);
      field.SetAppearanceStream(&blank);
    }
    doc.Write(tmp.c_str());
  }
  std::filesystem::rename(tmp, path);
}

}  // namespace chamber::papers
