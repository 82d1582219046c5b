# Inputs every test file of this module starts from (a file's or a run's own variables override these).
delivery_stream_arn = "arn:aws:firehose:eu-west-1:123456789012:deliverystream/demo-stream"
