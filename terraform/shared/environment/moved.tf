# State addresses before the platform module existed: moves them instead of destroying and recreating.

moved {
  from = module.network
  to   = module.platform.module.network
}

moved {
  from = module.msk
  to   = module.platform.module.msk
}

moved {
  from = module.kafka_client
  to   = module.platform.module.kafka_client
}

moved {
  from = module.topics
  to   = module.platform.module.topics
}

moved {
  from = module.firehose_s3
  to   = module.platform.module.firehose_s3
}

moved {
  from = module.logger
  to   = module.platform.module.logger
}

moved {
  from = module.forwarder
  to   = module.platform.module.forwarder
}

moved {
  from = module.dashboard
  to   = module.platform.module.dashboard
}

moved {
  from = module.studio_notebook
  to   = module.platform.module.studio_notebook
}

moved {
  from = module.flink_application
  to   = module.platform.module.flink_application
}
