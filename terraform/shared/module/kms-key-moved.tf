# State moves of the modules whose key and alias resources became modules/kms-key (firehose-s3 and msk-cluster,
# linked into each as kms-key-moved.tf; both call it module "kms_key").
moved {
  from = aws_kms_key.this
  to   = module.kms_key.aws_kms_key.this
}

moved {
  from = aws_kms_alias.this
  to   = module.kms_key.aws_kms_alias.this
}
