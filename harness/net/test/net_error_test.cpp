#include "harness/net/net_error.hpp"

#include <boost/asio/error.hpp>
#include <boost/asio/ssl/error.hpp>
#include <gtest/gtest.h>

namespace referee::net {
namespace {

TEST(NetError, HasItsOwnCategoryAndMessages) {
  boost::system::error_code code = net_error::timeout;
  EXPECT_EQ(&code.category(), &net_error_category());
  EXPECT_STREQ(code.category().name(), "referee.net");
  EXPECT_EQ(code.message(), "deadline passed");
  EXPECT_EQ(make_error_code(net_error::eof_mid_response).message(),
            "connection closed by peer inside a response");
  EXPECT_TRUE(code);  // no outcome is 0, so every one tests as an error
}

TEST(NetError, ClassifiesTransferErrors) {
  namespace asio_error = boost::asio::error;
  EXPECT_EQ(classify_transfer_error(asio_error::eof), net_error::eof);
  EXPECT_EQ(classify_transfer_error(boost::asio::ssl::error::stream_truncated), net_error::eof);
  EXPECT_EQ(classify_transfer_error(asio_error::connection_reset), net_error::reset);
  EXPECT_EQ(classify_transfer_error(asio_error::broken_pipe), net_error::reset);
  EXPECT_EQ(classify_transfer_error(asio_error::operation_aborted), net_error::timeout);
  boost::system::error_code tls_error(1, boost::asio::error::get_ssl_category());
  EXPECT_EQ(classify_transfer_error(tls_error), net_error::tls_failed);
  EXPECT_EQ(classify_transfer_error(asio_error::no_buffer_space), net_error::io_failed);
}

TEST(NetError, ClassifiesConnectErrors) {
  namespace asio_error = boost::asio::error;
  EXPECT_EQ(classify_connect_error(asio_error::connection_refused), net_error::connect_refused);
  EXPECT_EQ(classify_connect_error(asio_error::host_not_found), net_error::resolve_failed);
  EXPECT_EQ(classify_connect_error(asio_error::operation_aborted), net_error::timeout);
  EXPECT_EQ(classify_connect_error(asio_error::network_unreachable), net_error::connect_failed);
}

}  // namespace
}  // namespace referee::net
