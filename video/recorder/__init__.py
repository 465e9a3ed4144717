"""The recorder: camera streams remuxed without decoding into hashed fragmented-MP4 segments."""
