-- Checkpointing: the filesystem sink finalises files and commits partitions only on checkpoints, so a job without
-- it never writes anything visible. The Studio notebook sets the same two options in a %flink.pyflink paragraph;
-- on Managed Service for Apache Flink the application's CheckpointConfiguration (Terraform) takes their place.
SET 'execution.checkpointing.interval' = '${checkpoint_interval}';
SET 'execution.checkpointing.mode' = 'EXACTLY_ONCE';
