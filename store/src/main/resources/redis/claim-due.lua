-- Claims due deadlines for one instance: each due member's score moves to now + lease, so that another
-- instance does not fire it too, and so that it comes due again if this one dies before completing it.
-- KEYS[1] ZSET member -> due millis   ARGV: 1 now millis, 2 lease millis, 3 max
-- Returns member, due, member, due, ... (the due times as they were before the claim).
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, ARGV[3])
local until_ = tonumber(ARGV[1]) + tonumber(ARGV[2])
for i = 1, #due, 2 do
  redis.call('ZADD', KEYS[1], until_, due[i])
end
return due
