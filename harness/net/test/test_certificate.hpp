#pragma once
// A self-signed certificate made at test time with the OpenSSL API: no files.

#include <memory>
#include <string>

#include <boost/asio/ssl/context.hpp>
#include <openssl/evp.h>
#include <openssl/x509.h>

namespace referee::net::test {

class TestCertificate {
 public:
  // EC P-256 key; subject CN=`common_name`, subjectAltName DNS:`common_name`, IP 127.0.0.1
  // and ::1; valid from a minute ago for an hour. Throws std::runtime_error on OpenSSL failure.
  explicit TestCertificate(const std::string& common_name = "localhost");

  // A TLS server context presenting this certificate.
  std::shared_ptr<boost::asio::ssl::context> server_context() const;
  // Makes `client` trust this certificate (so verification can succeed).
  void trust_in(boost::asio::ssl::context& client) const;

 private:
  struct KeyFree {
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
  };
  struct CertificateFree {
    void operator()(X509* certificate) const { X509_free(certificate); }
  };
  std::unique_ptr<EVP_PKEY, KeyFree> key_;
  std::unique_ptr<X509, CertificateFree> certificate_;
};

}  // namespace referee::net::test
