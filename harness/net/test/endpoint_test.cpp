#include "harness/net/endpoint.hpp"

#include <gtest/gtest.h>

namespace referee::net {
namespace {

TEST(Endpoint, DescribeWrapsIpv6LiteralsInBrackets) {
  EXPECT_EQ((Endpoint{.host = "127.0.0.1", .port = 143}.describe()), "127.0.0.1:143");
  EXPECT_EQ((Endpoint{.host = "::1", .port = 993}.describe()), "[::1]:993");
  EXPECT_EQ((Endpoint{.host = "localhost", .port = 1}.describe()), "localhost:1");
}

TEST(Endpoint, TlsNameFallsBackToHost) {
  Endpoint endpoint{.host = "127.0.0.1", .port = 993};
  EXPECT_EQ(endpoint.tls_name(), "127.0.0.1");
  endpoint.server_name = "imap.example";
  EXPECT_EQ(endpoint.tls_name(), "imap.example");
}

TEST(Endpoint, VerificationIsOffUnlessAsked) {
  EXPECT_FALSE(Endpoint{}.verify_peer);
  EXPECT_EQ(Endpoint{}.tls, TlsMode::none);
  EXPECT_EQ(to_string(TlsMode::starttls), "starttls");
  EXPECT_EQ(to_string(TlsMode::implicit), "implicit");
}

}  // namespace
}  // namespace referee::net
