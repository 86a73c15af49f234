#ifndef IPASN_CLIBPQ_SHIM_H
#define IPASN_CLIBPQ_SHIM_H

// The PostgreSQL client library (Debian's libpq-dev), used synchronously by IPASNPostgres.
#include <postgresql/libpq-fe.h>

#endif
