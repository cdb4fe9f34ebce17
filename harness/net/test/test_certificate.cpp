#include "harness/net/test/test_certificate.hpp"

#include <stdexcept>

#include <openssl/ec.h>
#include <openssl/x509v3.h>

namespace referee::net::test {
namespace {

void check(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("OpenSSL: ") + what + " failed");
}

void add_subject_alt_name(X509* certificate, const std::string& common_name) {
  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
  std::string names = "DNS:" + common_name + ",IP:127.0.0.1,IP:::1";
  X509_EXTENSION* extension =
      X509V3_EXT_conf_nid(nullptr, &context, NID_subject_alt_name, names.c_str());
  check(extension != nullptr, "X509V3_EXT_conf_nid");
  bool added = X509_add_ext(certificate, extension, -1) == 1;
  X509_EXTENSION_free(extension);
  check(added, "X509_add_ext");
}

}  // namespace

TestCertificate::TestCertificate(const std::string& common_name)
    : key_(EVP_EC_gen("P-256")), certificate_(X509_new()) {
  check(key_ && certificate_, "EVP_EC_gen/X509_new");
  X509* certificate = certificate_.get();
  check(X509_set_version(certificate, X509_VERSION_3) == 1, "X509_set_version");
  check(ASN1_INTEGER_set(X509_get_serialNumber(certificate), 1) == 1, "serial number");
  check(X509_gmtime_adj(X509_getm_notBefore(certificate), -60) != nullptr, "notBefore");
  check(X509_gmtime_adj(X509_getm_notAfter(certificate), 3600) != nullptr, "notAfter");
  check(X509_set_pubkey(certificate, key_.get()) == 1, "X509_set_pubkey");
  X509_NAME* name = X509_get_subject_name(certificate);
  check(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                   reinterpret_cast<const unsigned char*>(common_name.c_str()),
                                   -1, -1, 0) == 1,
        "subject name");
  check(X509_set_issuer_name(certificate, name) == 1, "X509_set_issuer_name");
  add_subject_alt_name(certificate, common_name);
  check(X509_sign(certificate, key_.get(), EVP_sha256()) > 0, "X509_sign");
}

std::shared_ptr<boost::asio::ssl::context> TestCertificate::server_context() const {
  auto context =
      std::make_shared<boost::asio::ssl::context>(boost::asio::ssl::context::tls_server);
  check(SSL_CTX_use_certificate(context->native_handle(), certificate_.get()) == 1,
        "SSL_CTX_use_certificate");
  check(SSL_CTX_use_PrivateKey(context->native_handle(), key_.get()) == 1,
        "SSL_CTX_use_PrivateKey");
  return context;
}

void TestCertificate::trust_in(boost::asio::ssl::context& client) const {
  check(X509_STORE_add_cert(SSL_CTX_get_cert_store(client.native_handle()),
                            certificate_.get()) == 1,
        "X509_STORE_add_cert");
}

}  // namespace referee::net::test
