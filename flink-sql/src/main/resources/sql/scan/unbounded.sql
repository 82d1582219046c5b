'scan.startup.mode' = '${startup_mode}'
