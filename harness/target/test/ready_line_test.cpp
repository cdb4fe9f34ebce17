#include "harness/target/ready_line.hpp"

#include <gtest/gtest.h>

namespace referee::target {
namespace {

profile::Server server(std::string id, std::string host, std::optional<std::uint16_t> port) {
  profile::Server made;
  made.id = std::move(id);
  made.host = std::move(host);
  made.port = port;
  made.where = {"profile.xml", 7, 3};
  return made;
}

TEST(ReadyLine, RecognisedByItsPrefix) {
  EXPECT_TRUE(is_ready_line("READY alpha=127.0.0.1:1", "READY"));
  EXPECT_TRUE(is_ready_line("READY", "READY"));
  EXPECT_FALSE(is_ready_line("NOT READY", "READY"));
  EXPECT_FALSE(is_ready_line("", "READY"));
}

TEST(ReadyLine, AnnouncesEveryIdHostPortToken) {
  auto announced = parse_ready_line("READY alpha=127.0.0.1:40123 beta=[::1]:40124\r", "READY");
  ASSERT_TRUE(announced);
  ASSERT_EQ(announced->size(), 2u);
  EXPECT_EQ((*announced)[0].id, "alpha");
  EXPECT_EQ((*announced)[0].host, "127.0.0.1");
  EXPECT_EQ((*announced)[0].port, 40123);
  EXPECT_EQ((*announced)[1].id, "beta");
  EXPECT_EQ((*announced)[1].host, "::1");
  EXPECT_EQ((*announced)[1].port, 40124);
}

// "READY home=15100 remote=15101": a launch hook that knows only its ports; the profile's
// host stays, and no referral name is added.
TEST(ReadyLine, PortOnlyTokensKeepTheProfilesHost) {
  auto announced = parse_ready_line("READY home=15100 remote=15101", "READY");
  ASSERT_TRUE(announced);
  ASSERT_EQ(announced->size(), 2u);
  EXPECT_EQ((*announced)[0].host, "");
  EXPECT_EQ((*announced)[0].port, 15100);
  std::vector<profile::Server> servers{server("home", "127.0.0.1", std::nullopt),
                                       server("remote", "::1", std::nullopt)};
  apply_announced(servers, *announced);
  EXPECT_EQ(servers[0].host, "127.0.0.1");
  EXPECT_EQ(servers[0].port, 15100);
  EXPECT_EQ(servers[1].host, "::1");
  EXPECT_EQ(servers[1].port, 15101);
  EXPECT_TRUE(servers[1].referral_names.empty());
}

TEST(ReadyLine, FreeTextWithoutEqualsSignIsIgnored) {
  auto announced = parse_ready_line("READY (fixture 1.0) alpha=127.0.0.1:7", "READY");
  ASSERT_TRUE(announced);
  ASSERT_EQ(announced->size(), 1u);
  EXPECT_EQ((*announced)[0].port, 7);
}

TEST(ReadyLine, MalformedTokensAreErrorsNamingTheToken) {
  for (std::string line : {"READY alpha=127.0.0.1", "READY alpha=127.0.0.1:0",
                           "READY alpha=127.0.0.1:70000", "READY alpha=:143", "READY =h:1",
                           "READY alpha=[::1:143", "READY alpha=h:14x", "READY alpha=0",
                           "READY alpha=70000", "READY alpha="}) {
    auto announced = parse_ready_line(line, "READY");
    ASSERT_FALSE(announced) << line;
    EXPECT_EQ(announced.error().code, make_error_code(target_error::malformed_ready_line));
    EXPECT_NE(announced.error().message.find("ready line token"), std::string::npos);
  }
}

TEST(ReadyLine, FillsOnlyServersWithoutPort) {
  std::vector<profile::Server> servers{server("alpha", "127.0.0.1", std::nullopt),
                                       server("beta", "127.0.0.1", 1143)};
  apply_announced(servers, {{"alpha", "127.0.0.1", 40001}, {"beta", "127.0.0.1", 40002},
                            {"unknown", "127.0.0.1", 40003}});
  EXPECT_EQ(servers[0].port, 40001);
  EXPECT_EQ(servers[1].port, 1143);  // the profile's own port wins
  EXPECT_TRUE(servers[0].referral_names.empty());
}

TEST(ReadyLine, AnnouncedHostBecomesAReferralNameWhenItDiffers) {
  std::vector<profile::Server> servers{server("alpha", "localhost", std::nullopt),
                                       server("beta", "", std::nullopt),
                                       server("gamma", "localhost", std::nullopt)};
  apply_announced(servers, {{"alpha", "127.0.0.1", 40001}, {"beta", "::1", 40002},
                            {"gamma", "::1", 40003}});
  EXPECT_EQ(servers[0].host, "localhost");
  EXPECT_EQ(servers[0].referral_names, std::vector<std::string>{"127.0.0.1:40001"});
  EXPECT_EQ(servers[1].host, "::1");  // no host in the profile: the announced one
  EXPECT_EQ(servers[2].referral_names, std::vector<std::string>{"[::1]:40003"});
}

TEST(ReadyLine, PortsKnownCheckNamesTheServerAndWhereItIsWritten) {
  std::vector<profile::Server> servers{server("alpha", "127.0.0.1", 143),
                                       server("beta", "127.0.0.1", std::nullopt)};
  auto known = check_ports_known(servers);
  ASSERT_FALSE(known);
  EXPECT_EQ(known.error().code, make_error_code(target_error::port_unknown));
  EXPECT_NE(known.error().message.find("\"beta\" (profile.xml:7:3)"), std::string::npos)
      << known.error().message;
  servers[1].port = 144;
  EXPECT_TRUE(check_ports_known(servers));
}

}  // namespace
}  // namespace referee::target
