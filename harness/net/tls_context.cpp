#include "harness/net/tls_context.hpp"

namespace referee::net {

std::shared_ptr<boost::asio::ssl::context> make_client_tls_context() {
  namespace ssl = boost::asio::ssl;
  auto context = std::make_shared<ssl::context>(ssl::context::tls_client);
  // RFC 8996 deprecates TLS 1.0 and 1.1.
  SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_2_VERSION);
  context->set_verify_mode(ssl::verify_none);
  return context;
}

void load_system_trust_store_once(boost::asio::ssl::context& context) {
  X509_STORE* store = SSL_CTX_get_cert_store(context.native_handle());
  if (store != nullptr && sk_X509_OBJECT_num(X509_STORE_get0_objects(store)) > 0) return;
  boost::system::error_code ignored;  // a host without a trust store can still test without
                                      // verification; verifying connections will then fail
  context.set_default_verify_paths(ignored);
}

}  // namespace referee::net
