#include "harness/net/tls_context.hpp"

namespace referee::net {

std::shared_ptr<boost::asio::ssl::context> make_client_tls_context() {
  namespace ssl = boost::asio::ssl;
  auto context = std::make_shared<ssl::context>(ssl::context::tls_client);
  // RFC 8996 deprecates TLS 1.0 and 1.1.
  SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_2_VERSION);
  boost::system::error_code ignored;  // a host without a trust store can still test without
                                      // verification; verifying connections will then fail
  context->set_default_verify_paths(ignored);
  context->set_verify_mode(ssl::verify_none);
  return context;
}

}  // namespace referee::net
