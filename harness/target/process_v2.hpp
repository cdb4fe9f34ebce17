#pragma once
// Boost.Process v2 as shipped in Boost 1.81, made to compile: with BOOST_PROCESS_USE_STD_FS its
// config.hpp still names boost::optional without including it, and process.hpp and the posix
// launcher and environment.hpp use boost type traits (is_convertible, decay, remove_pointer)
// unqualified without including them.
// Include Process v2 through this header only.

#include <boost/optional.hpp>
#include <boost/type_traits.hpp>

#include <boost/process/v2/environment.hpp>
#include <boost/process/v2/process.hpp>
#include <boost/process/v2/start_dir.hpp>
#include <boost/process/v2/stdio.hpp>
