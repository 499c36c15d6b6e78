#include "papers/Sign.h"

#include <libp11.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/ess.h>
#include <openssl/http.h>
#include <openssl/ts.h>
#include <openssl/x509.h>
#include <podofo/podofo.h>

#include <QDateTime>
#include <QFont>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTimeZone>
#include <cstring>
#include <map>
#include <memory>
#include <stdexcept>
#include <vector>

#include "papers/Signatures.h"

namespace chamber::papers {

namespace {

using namespace PoDoFo;

std::string sslError(const std::string& what) {
  const unsigned long e = ERR_get_error();
  char buf[256] = "";
  if (e) ERR_error_string_n(e, buf, sizeof buf);
  ERR_clear_error();
  return what + (e ? std::string(": ") + buf : "");
}

/// The private key and certificate on the token, for as long as the session is open.
class TokenSession {
 public:
  explicit TokenSession(const TokenKey& k) {
    ctx_ = PKCS11_CTX_new();
    if (!ctx_ || PKCS11_CTX_load(ctx_, k.module.c_str()) != 0)
      throw std::runtime_error("Không nạp được mô-đun PKCS#11 / cannot load the PKCS#11 module " +
                               k.module);
    if (PKCS11_enumerate_slots(ctx_, &slots_, &nslots_) != 0)
      throw std::runtime_error("Không đọc được khe thẻ / cannot list the token slots");
    PKCS11_SLOT* tokenSlot = nullptr;
    for (unsigned i = 0; i < nslots_; ++i)
      if (slots_[i].token && slots_[i].token->initialized && k.token == slots_[i].token->label)
        tokenSlot = &slots_[i];
    if (!tokenSlot)
      throw std::runtime_error("Không thấy thẻ ký số “" + k.token +
                               "” (đã cắm chưa?) / no token labelled " + k.token);
    // One try only: a token locks itself after a few wrong PINs.
    if (PKCS11_login(tokenSlot, 0, k.pin.c_str()) != 0)
      throw std::runtime_error("Sai mã PIN của thẻ ký số / wrong token PIN");
    PKCS11_KEY* keys = nullptr;
    unsigned nkeys = 0;
    if (PKCS11_enumerate_keys(tokenSlot->token, &keys, &nkeys) != 0)
      throw std::runtime_error("Không đọc được khóa trên thẻ / cannot list the keys");
    PKCS11_KEY* key = nullptr;
    for (unsigned i = 0; i < nkeys; ++i)
      if (keys[i].isPrivate && keys[i].label && k.key == keys[i].label) key = &keys[i];
    if (!key)
      throw std::runtime_error("Không có khóa “" + k.key + "” trên thẻ / no key labelled " + k.key);
    pkey_ = PKCS11_get_private_key(key);  // operations happen on the token
    if (!pkey_) throw std::runtime_error(sslError("cannot use the key"));
    PKCS11_CERT* certs = nullptr;
    unsigned ncerts = 0;
    if (PKCS11_enumerate_certs(tokenSlot->token, &certs, &ncerts) != 0)
      throw std::runtime_error("Không đọc được chứng thư trên thẻ / cannot list the certificates");
    for (unsigned i = 0; i < ncerts; ++i) {
      const bool mine =
          certs[i].id_len == key->id_len && std::memcmp(certs[i].id, key->id, key->id_len) == 0;
      if (mine && !cert_)
        cert_ = X509_dup(certs[i].x509);
      else
        chain_.push_back(X509_dup(certs[i].x509));  // the CA's, when the token carries them
    }
    if (!cert_)
      throw std::runtime_error("Không có chứng thư cho khóa “" + k.key +
                               "” / no certificate for the key");
  }
  ~TokenSession() {
    EVP_PKEY_free(pkey_);
    X509_free(cert_);
    for (X509* c : chain_) X509_free(c);
    if (slots_) PKCS11_release_all_slots(ctx_, slots_, nslots_);
    if (ctx_) {
      PKCS11_CTX_unload(ctx_);
      PKCS11_CTX_free(ctx_);
    }
  }
  TokenSession(const TokenSession&) = delete;
  TokenSession& operator=(const TokenSession&) = delete;

  EVP_PKEY* key() const { return pkey_; }
  X509* cert() const { return cert_; }
  const std::vector<X509*>& chain() const { return chain_; }

 private:
  PKCS11_CTX* ctx_ = nullptr;
  PKCS11_SLOT* slots_ = nullptr;
  unsigned nslots_ = 0;
  EVP_PKEY* pkey_ = nullptr;
  X509* cert_ = nullptr;
  std::vector<X509*> chain_;
};

/// The RFC 3161 token for `digest` (SHA-256 of the signature value) from the TSA at `url`.
std::vector<unsigned char> timestampToken(const std::string& url,
                                          const std::vector<unsigned char>& digest) {
  std::unique_ptr<TS_REQ, decltype(&TS_REQ_free)> req(TS_REQ_new(), TS_REQ_free);
  std::unique_ptr<TS_MSG_IMPRINT, decltype(&TS_MSG_IMPRINT_free)> imprint(TS_MSG_IMPRINT_new(),
                                                                          TS_MSG_IMPRINT_free);
  std::unique_ptr<X509_ALGOR, decltype(&X509_ALGOR_free)> alg(X509_ALGOR_new(), X509_ALGOR_free);
  X509_ALGOR_set_md(alg.get(), EVP_sha256());
  TS_MSG_IMPRINT_set_algo(imprint.get(), alg.get());
  TS_MSG_IMPRINT_set_msg(imprint.get(), const_cast<unsigned char*>(digest.data()),
                         static_cast<int>(digest.size()));
  TS_REQ_set_version(req.get(), 1);
  TS_REQ_set_msg_imprint(req.get(), imprint.get());
  TS_REQ_set_cert_req(req.get(), 1);
  BIO* body = BIO_new(BIO_s_mem());
  i2d_TS_REQ_bio(body, req.get());
  int ssl = 0;
  char *host = nullptr, *port = nullptr, *path = nullptr;
  if (OSSL_HTTP_parse_url(url.c_str(), &ssl, nullptr, &host, &port, nullptr, &path, nullptr,
                          nullptr) != 1) {
    BIO_free(body);
    throw std::runtime_error("Địa chỉ máy chủ dấu thời gian sai / bad TSA address " + url);
  }
  if (ssl) {  // a TSA over TLS would need the TLS client: the TSAs answer over HTTP
    OPENSSL_free(host), OPENSSL_free(port), OPENSSL_free(path), BIO_free(body);
    throw std::runtime_error("TSA over https is not supported; use its http:// address");
  }
  // expect_asn1 = 1: the whole DER reply is read (within the timeout) before it is returned.
  // With 0, OpenSSL hands back the socket itself, and on a slow link d2i_TS_RESP_bio read a
  // reply cut short ("not enough data") — a refusal that was only the network's pace.
  BIO* resp = OSSL_HTTP_transfer(nullptr, host, port, path, 0, nullptr, nullptr, nullptr, nullptr,
                                 nullptr, nullptr, 0, nullptr, "application/timestamp-query", body,
                                 "application/timestamp-reply", 1, 1024 * 1024, 30, 0);
  OPENSSL_free(host);
  OPENSSL_free(port);
  OPENSSL_free(path);
  BIO_free(body);
  if (!resp)
    throw std::runtime_error(sslError("Không lấy được dấu thời gian / the timestamp authority " +
                                      url + " did not answer"));
  std::unique_ptr<TS_RESP, decltype(&TS_RESP_free)> r(d2i_TS_RESP_bio(resp, nullptr), TS_RESP_free);
  BIO_free(resp);
  if (!r)
    throw std::runtime_error(
        sslError("Máy chủ dấu thời gian trả lời không đúng chuẩn / the "
                 "timestamp authority's answer is not an RFC 3161 reply"));
  const TS_STATUS_INFO* status = TS_RESP_get_status_info(r.get());
  if (const long code = ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(status)); code > 1) {
    // What the authority said, as it said it (RFC 3161 PKIFreeText), to be read in the log.
    std::string why = "status " + std::to_string(code);
    if (const auto* text = TS_STATUS_INFO_get0_text(status))
      for (int i = 0; i < sk_ASN1_UTF8STRING_num(text); ++i) {
        const ASN1_UTF8STRING* line = sk_ASN1_UTF8STRING_value(text, i);
        why += ": " + std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(line)),
                                  static_cast<std::size_t>(ASN1_STRING_length(line)));
      }
    throw std::runtime_error("Máy chủ dấu thời gian từ chối / the timestamp authority refused (" +
                             why + ")");
  }
  PKCS7* token = TS_RESP_get_token(r.get());
  unsigned char* der = nullptr;
  const int len = i2d_PKCS7(token, &der);
  if (len <= 0) throw std::runtime_error(sslError("bad timestamp token"));
  std::vector<unsigned char> out(der, der + len);
  OPENSSL_free(der);
  return out;
}

/// The CMS container over the bytes of the signer device: PAdES B-B, B-T with a TSA.
std::vector<char> cmsSign(PdfSignOutputDevice& signer, const TokenSession& t,
                          const std::string& tsaUrl) {
  BIO* data = BIO_new(BIO_s_mem());
  std::vector<char> buf(65536);
  size_t n = 0;
  while ((n = signer.ReadForSignature(buf.data(), buf.size())) > 0)
    BIO_write(data, buf.data(), static_cast<int>(n));
  const unsigned flags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP;
  std::unique_ptr<CMS_ContentInfo, decltype(&CMS_ContentInfo_free)> cms(
      CMS_sign(nullptr, nullptr, nullptr, nullptr, flags), CMS_ContentInfo_free);
  if (!cms) throw std::runtime_error(sslError("CMS"));
  CMS_SignerInfo* si = CMS_add1_signer(cms.get(), t.cert(), t.key(), EVP_sha256(), flags);
  if (!si) throw std::runtime_error(sslError("Không dùng được khóa trên thẻ / the token key"));
  for (X509* c : t.chain()) CMS_add1_cert(cms.get(), c);
  // ESS signing-certificate-v2: binds the signature to this certificate (PAdES baseline).
  ESS_SIGNING_CERT_V2* sc = OSSL_ESS_signing_cert_v2_new_init(EVP_sha256(), t.cert(), nullptr, 0);
  unsigned char* der = nullptr;
  const int len = i2d_ESS_SIGNING_CERT_V2(sc, &der);
  ESS_SIGNING_CERT_V2_free(sc);
  ASN1_STRING* seq = ASN1_STRING_new();
  ASN1_STRING_set(seq, der, len);
  OPENSSL_free(der);
  const int added = CMS_signed_add1_attr_by_NID(si, NID_id_smime_aa_signingCertificateV2,
                                                V_ASN1_SEQUENCE, seq, -1);
  ASN1_STRING_free(seq);
  if (added != 1) throw std::runtime_error(sslError("signing-certificate-v2"));
  if (CMS_final(cms.get(), data, nullptr, flags) != 1) {
    BIO_free(data);
    throw std::runtime_error(sslError("Thẻ không ký được / the token did not sign"));
  }
  BIO_free(data);
  if (!tsaUrl.empty()) {
    ASN1_OCTET_STRING* sig = CMS_SignerInfo_get0_signature(si);
    std::vector<unsigned char> digest(32);
    SHA256(ASN1_STRING_get0_data(sig), static_cast<size_t>(ASN1_STRING_length(sig)), digest.data());
    const auto token = timestampToken(tsaUrl, digest);
    ASN1_STRING* tok = ASN1_STRING_new();
    ASN1_STRING_set(tok, token.data(), static_cast<int>(token.size()));
    const int ok =
        CMS_unsigned_add1_attr_by_NID(si, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE, tok, -1);
    ASN1_STRING_free(tok);
    if (ok != 1) throw std::runtime_error(sslError("timestamp attribute"));
  }
  BIO* out = BIO_new(BIO_s_mem());
  i2d_CMS_bio(out, cms.get());
  char* p = nullptr;
  const long outLen = BIO_get_mem_data(out, &p);
  std::vector<char> result(p, p + outLen);
  BIO_free(out);
  return result;
}

/// The visible signature, drawn by Qt as a one-page PDF of the box's size.
void drawStamp(const QString& path, const SignRequest& r, double wMm, double hMm,
               const QDateTime& when) {
  QPdfWriter w(path);
  w.setPdfVersion(QPagedPaintDevice::PdfVersion_A1b);
  w.setResolution(720);
  w.setPageSize(QPageSize(QSizeF(wMm, hMm), QPageSize::Millimeter));
  w.setPageMargins(QMarginsF(0, 0, 0, 0));
  QPainter p(&w);
  const double W = w.width(), H = w.height();
  QFont f(QStringLiteral("Liberation Serif"));
  const QString name = QString::fromStdString(r.name), title = QString::fromStdString(r.title);
  const QString time =
      when.toString(QStringLiteral("dd/MM/yyyy HH:mm:ss")) + QStringLiteral(" (GMT+7)");
  if (r.seal) {
    // A round red seal: the organisation's name in the ring's middle, the time under it.
    const QColor red(200, 16, 16);
    p.setPen(QPen(red, 20));
    const double d = std::min(W, H) - 30;
    const QRectF circle((W - d) / 2, (H - d) / 2, d, d);
    p.drawEllipse(circle);
    p.setPen(QPen(red, 8));
    p.drawEllipse(circle.adjusted(50, 50, -50, -50));
    f.setBold(true);
    f.setPointSizeF(6.5);
    p.setFont(f);
    p.drawText(circle.adjusted(110, 150, -110, -d / 2),
               Qt::AlignHCenter | Qt::AlignBottom | Qt::TextWordWrap,
               (title.isEmpty() ? name : title).toUpper());
    f.setBold(false);
    f.setPointSizeF(5.5);
    p.setFont(f);
    p.drawText(circle.adjusted(110, d / 2 + 30, -110, -110),
               Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, time);
    return;
  }
  // A person's signature as Vietnamese signed papers show it: a red box, who, as what, when.
  p.setPen(QPen(QColor(200, 16, 16), 10));
  p.drawRect(QRectF(5, 5, W - 10, H - 10));
  p.setPen(QColor(200, 16, 16));
  f.setPointSizeF(8);
  p.setFont(f);
  const QString text = QStringLiteral(
                           "Ký bởi / Signed by: %1\nChức vụ / Title: %2\n"
                           "Thời gian ký / Signed at:\n%3")
                           .arg(name, title, time);
  p.drawText(QRectF(40, 20, W - 80, H - 40), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
             text);
}

/// Copies what `v` refers to from `src` into `dst` as new objects (numbered by `dst`, so they
/// never collide with those of earlier revisions), and returns the copied value.
PdfObject copyInto(const PdfObject& v, PdfVecObjects& src, PdfVecObjects& dst,
                   std::map<PdfReference, PdfReference>& done) {
  if (v.IsReference()) {
    const auto it = done.find(v.GetReference());
    if (it != done.end()) return PdfObject(it->second);
    const PdfObject* from = src.GetObject(v.GetReference());
    if (!from) return PdfObject();
    PdfObject* to = dst.CreateObject(PdfVariant());
    done[v.GetReference()] = to->Reference();
    static_cast<PdfVariant&>(*to) = copyInto(*from, src, dst, done);
    if (from->HasStream()) {
      char* raw = nullptr;
      pdf_long len = 0;
      from->GetStream()->GetCopy(&raw, &len);  // as stored: its filters stay in the dictionary
      PdfMemoryInputStream in(raw, len);
      to->GetStream()->SetRawData(&in, len);
      podofo_free(raw);
    }
    return PdfObject(to->Reference());
  }
  if (v.IsDictionary()) {
    PdfDictionary d;
    for (const auto& [key, value] : v.GetDictionary().GetKeys())
      if (key != PdfName("Length")) d.AddKey(key, copyInto(*value, src, dst, done));
    return PdfObject(d);
  }
  if (v.IsArray()) {
    PdfArray a;
    for (const auto& e : v.GetArray()) a.push_back(copyInto(e, src, dst, done));
    return PdfObject(a);
  }
  return v;
}

/// The first page of `stamp` as a form XObject of `doc`: the visible signature.
PdfObject* appearanceFrom(PdfMemDocument& stamp, PdfMemDocument& doc) {
  PdfPage* page = stamp.GetPage(0);
  std::map<PdfReference, PdfReference> done;
  PdfObject* x = doc.GetObjects().CreateObject("XObject");
  PdfDictionary& d = x->GetDictionary();
  d.AddKey(PdfName("Subtype"), PdfName("Form"));
  PdfVariant box;
  page->GetMediaBox().ToVariant(box);
  d.AddKey(PdfName("BBox"), box);
  if (PdfObject* res = page->GetResources())
    d.AddKey(PdfName("Resources"), copyInto(*res, stamp.GetObjects(), doc.GetObjects(), done));
  std::string content;
  PdfObject* contents = page->GetContents();
  auto append = [&](PdfObject* c) {
    if (!c || !c->HasStream()) return;
    char* buf = nullptr;
    pdf_long len = 0;
    c->GetStream()->GetFilteredCopy(&buf, &len);
    content.append(buf, static_cast<std::size_t>(len));
    content += '\n';
    podofo_free(buf);
  };
  if (contents && contents->IsArray())
    for (const auto& e : contents->GetArray())
      append(stamp.GetObjects().GetObject(e.GetReference()));
  else
    append(contents);
  x->GetStream()->Set(content.data(), static_cast<pdf_long>(content.size()));
  return x;
}

}  // namespace

void signPdf(const SignRequest& r) {
  quietPodofo();
  const TokenSession token(r.key);  // first: a wrong PIN writes nothing
  PdfMemDocument doc;
  try {
    doc.Load(r.in.c_str(), true);  // for an incremental update
  } catch (const PdfError& e) {
    throw std::runtime_error("Không đọc được tệp PDF / not a readable PDF: " + r.in);
  }
  if (doc.GetPageCount() == 0) throw std::runtime_error("the PDF has no page");
  // Where it goes: an empty signature field of that name (minutes have "ChuToa", "ThuKy"),
  // the box asked for, or the chair's place; a seal overlaps the left of the chair's.
  PdfObject* place = nullptr;
  PdfObject* chair = nullptr;
  for (PdfObject* o : doc.GetObjects()) {
    if (!o->IsDictionary()) continue;
    const PdfObject* ft = o->GetDictionary().GetKey(PdfName("FT"));
    const PdfObject* t = o->GetDictionary().GetKey(PdfName("T"));
    if (!ft || !ft->IsName() || ft->GetName() != PdfName("Sig") || !t) continue;
    const std::string name = t->GetString().GetStringUtf8();
    if (name == "ChuToa") chair = o;
    if (!r.field.empty() && name == r.field) {
      if (o->GetDictionary().HasKey(PdfName("V")))
        throw std::runtime_error("Ô chữ ký “" + r.field + "” đã được ký / already signed");
      place = o;
    }
  }
  auto mm = [](double pt) { return pt / 72.0 * 25.4; };
  auto pt = [](double v) { return v / 25.4 * 72.0; };
  auto rectOf = [&](PdfObject* field) {
    return PdfRect(field->GetDictionary().GetKey(PdfName("Rect"))->GetArray());
  };
  auto pageOf = [&](PdfObject* field) -> PdfPage* {
    const PdfObject* p = field->GetDictionary().GetKey(PdfName("P"));
    return p && p->IsReference() ? doc.GetPagesTree()->GetPage(p->GetReference()) : nullptr;
  };
  PdfPage* page = nullptr;
  PdfRect rect;
  if (place) {
    page = pageOf(place);
    rect = rectOf(place);
  } else if (r.width > 0) {
    page =
        doc.GetPage((r.page > 0 ? std::min(r.page, doc.GetPageCount()) : doc.GetPageCount()) - 1);
    const double h = page->GetPageSize().GetHeight();
    rect = PdfRect(pt(r.left), h - pt(r.top) - pt(r.height), pt(r.width), pt(r.height));
  } else if (chair && pageOf(chair)) {
    page = pageOf(chair);
    const PdfRect c = rectOf(chair);
    rect = r.seal ? PdfRect(c.GetLeft() - pt(36), c.GetBottom() + c.GetHeight() / 2 - pt(18),
                            pt(36), pt(36))
                  : c;
    if (!r.seal && chair->GetDictionary().HasKey(PdfName("V")))
      throw std::runtime_error("Ô chữ ký của chủ tọa đã được ký / the chair's place is signed");
    if (!r.seal) place = chair;
  } else {  // a paper without fields: the foot of the last page, on the right
    page = doc.GetPage(doc.GetPageCount() - 1);
    rect =
        r.seal ? PdfRect(pt(85), pt(40), pt(36), pt(36)) : PdfRect(pt(115), pt(30), pt(70), pt(28));
  }
  if (!page) throw std::runtime_error("the signature's page was not found");
  const double width = mm(rect.GetWidth()), height = mm(rect.GetHeight());

  const QDateTime now = QDateTime::currentDateTime().toTimeZone(QTimeZone(7 * 3600));
  QTemporaryDir tmp;
  const QString stampPath = tmp.filePath(QStringLiteral("stamp.pdf"));
  drawStamp(stampPath, r, width, height, now);
  PdfMemDocument stampDoc(stampPath.toUtf8().constData());

  PdfAcroForm* form = doc.GetAcroForm(true, ePdfAcroFormDefaultAppearance_None);
  form->GetObject()->GetDictionary().AddKey(PdfName("SigFlags"), PdfObject(pdf_int64(3)));
  std::unique_ptr<PdfAnnotation> existing;
  std::unique_ptr<PdfSignatureField> made;
  if (place) {
    existing = std::make_unique<PdfAnnotation>(place, page);
    made = std::make_unique<PdfSignatureField>(existing.get());
    made->EnsureSignatureObject();
  } else {
    PdfAnnotation* annot = page->CreateAnnotation(ePdfAnnotation_Widget, rect);
    annot->SetFlags(ePdfAnnotationFlags_Print | ePdfAnnotationFlags_Locked);
    made = std::make_unique<PdfSignatureField>(annot, form, &doc);
    made->SetFieldName(PdfString(r.field.empty()
                                     ? (r.seal ? "DauCoQuan" : "ChuKy") +
                                           std::to_string(doc.GetObjects().GetObjectCount())
                                     : r.field));
  }
  PdfSignatureField& field = *made;
  PdfXObject appearance(appearanceFrom(stampDoc, doc));
  field.SetAppearanceStream(&appearance);
  field.SetSignatureReason(PdfString(reinterpret_cast<const pdf_utf8*>(r.reason.c_str())));
  if (!r.location.empty())
    field.SetSignatureLocation(PdfString(reinterpret_cast<const pdf_utf8*>(r.location.c_str())));
  field.SetSignatureDate(PdfDate(static_cast<time_t>(now.toSecsSinceEpoch())));
  field.SetSignatureCreator(PdfName("Digital Chamber"));

  PdfOutputDevice device(r.out.c_str(), true);
  PdfSignOutputDevice signer(&device);
  signer.SetSignatureSize(r.tsaUrl.empty() ? 12000 : 24000);
  field.SetSignature(*signer.GetSignatureBeacon());
  // PAdES: the CAdES container, and the signer's name as typed.
  PdfObject* sig = field.GetSignatureObject();
  sig->GetDictionary().AddKey(PdfName("SubFilter"), PdfName("ETSI.CAdES.detached"));
  sig->GetDictionary().AddKey(PdfName("Name"),
                              PdfString(reinterpret_cast<const pdf_utf8*>(r.name.c_str())));
  doc.WriteUpdate(&signer, true);
  if (!signer.HasSignaturePosition())
    throw std::runtime_error("cannot find the signature's place in the written file");
  signer.AdjustByteRange();
  signer.Seek(0);
  const auto cms = cmsSign(signer, token, r.tsaUrl);
  if (cms.size() > signer.GetSignatureSize())
    throw std::runtime_error("the signature is larger than the room kept for it");
  signer.SetSignature(PdfData(cms.data(), cms.size()));
  signer.Flush();
}

}  // namespace chamber::papers
