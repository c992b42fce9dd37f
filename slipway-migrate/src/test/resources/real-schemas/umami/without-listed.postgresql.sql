drop extension pgcrypto;
