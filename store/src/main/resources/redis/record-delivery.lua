-- Records a delivered message (target -> message id) in an incident's hash of deliveries, with the hash's TTL
-- in the same step, never extending a life already shortened: a delivery that lands after its incident closed
-- (and its keys were retained) keeps the incident's shorter retention, and so does the delivery's claim.
-- KEYS[1] the deliveries hash, KEYS[2] the target's claim   ARGV: 1 TTL millis, 2 target, 3 message id
local px = tonumber(ARGV[1])
local left = redis.call('PTTL', KEYS[1])
if left > 0 and left < px then
  px = left
end
redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[1], px)
local claim = redis.call('PTTL', KEYS[2])
if claim == -1 or claim > px then
  redis.call('PEXPIRE', KEYS[2], px)
end
return px
