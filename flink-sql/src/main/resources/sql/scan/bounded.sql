'scan.startup.mode' = '${startup_mode}',
  'scan.bounded.mode' = '${bounded_mode}'
