// The `referee` command. Everything lives in referee_cli (harness/cli/app.hpp).
#include <iostream>

#include "harness/cli/app.hpp"

int main(int argc, char** argv) {
  return referee::cli::run_referee({argv + 1, argv + argc}, std::cout, std::cerr);
}
